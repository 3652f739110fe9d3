import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Gateway
import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// A gateway on a free loopback port over a real SQLite file in a temporary directory, with demo credentials.
struct TestGateway {
    let directory: URL
    let platform: Platform
    let server: HTTPServer
    let credentials: DemoCredentials
    let logLines: LogLines
    let workers: [Task<Void, Never>]
    /// This gateway's own client: a pooled keep-alive connection must never reach another test's gateway that
    /// happens to get the same port later.
    let session: URLSession = TestGateway.makeSession()

    var databasePath: String { directory.appendingPathComponent("gateway.sqlite").path }

    /// The gateway's SQLite file opened directly, for tests that check what the SQLite repositories stored.
    func sqlite() throws -> Database {
        try Database(.file(databasePath), migrations: GatewaySchema.migrations)
    }
    var baseURL: String { server.baseURL }

    /// Starts a gateway; `extraRoutes` lets a test add routes guarded by the platform, `repositories` lets it put
    /// other implementations in place of SQLite ones.
    static func start(
        rateLimit: Int = 100, upstreams: UpstreamDirectory = UpstreamDirectory(), nodePath: String? = nil,
        repositories replace: (inout Repositories) -> Void = { _ in },
        extraRoutes: (inout RouterBuilder, Platform) -> Void = { _, _ in }
    ) async throws -> TestGateway {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-gw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var options = Platform.Options(databasePath: directory.appendingPathComponent("gateway.sqlite").path,
                                       defaultRateLimit: rateLimit, upstreams: upstreams)
        options.outboxPollInterval = .milliseconds(20)
        options.nodePath = nodePath
        var repositories = try SQLiteRepositories.open(path: options.databasePath)
        replace(&repositories)
        let platform = try await Platform.open(repositories: repositories, options: options)
        let workers = try await GatewayApp.startWorkers(platform: platform)
        let credentials = try await DemoBootstrap.credentials(platform)
        let lines = LogLines()
        var builder = RouterBuilder()
        extraRoutes(&builder, platform)
        let gatewayRouter = GatewayApp.makeRouter(platform: platform, log: { lines.append($0) })
        let extra = builder.build()
        let responder = ClosureResponder { request in
            let response = try await extra.respond(to: request)
            return response.status == .notFound ? try await gatewayRouter.respond(to: request) : response
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, log: { lines.append($0) }),
                                responder: responder)
        try server.start()
        return TestGateway(directory: directory, platform: platform, server: server, credentials: credentials,
                           logLines: lines, workers: workers)
    }

    func stop() async {
        workers.forEach { $0.cancel() }
        platform.outbox.stop()
        await server.shutdownGracefully(gracePeriod: .seconds(1))
        session.invalidateAndCancel()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Polls `condition` until it holds or `timeout` passes.
    static func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    /// One request over a real socket; returns status, headers and body.
    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil)
        async throws -> TestResponse {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return TestResponse(status: http.statusCode, headers: fields, body: data)
    }

    /// `Authorization: Bearer <admin token>`.
    var admin: [String: String] { ["Authorization": "Bearer \(credentials.adminToken)"] }

    static func makeSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }
}

/// A response as a test sees it.
struct TestResponse {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
}

/// Log lines captured from the server and gateway, to scan for secrets.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

import Synchronization
