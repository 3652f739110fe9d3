import Foundation
import HTTPServer
import JSONSchema

/// The gateway with its workers on a loopback port, wired to a given upstream (the mock upstream, usually), with
/// the demo organization's credentials: what the conformance suite runs against in `swift test` and `bench suite`.
public final class EmbeddedGateway: Sendable {
    public let platform: Platform
    public let credentials: DemoCredentials
    private let server: HTTPServer
    private let workers: [Task<Void, Never>]
    private let directory: URL

    /// Where the gateway listens, e.g. `http://127.0.0.1:40123`.
    public var baseURL: String { server.baseURL }

    private init(platform: Platform, credentials: DemoCredentials, server: HTTPServer, workers: [Task<Void, Never>],
                 directory: URL) {
        self.platform = platform
        self.credentials = credentials
        self.server = server
        self.workers = workers
        self.directory = directory
    }

    /// Opens a fresh database in a temporary folder, installs the mock's provider keys, and starts serving.
    /// Breakers open after 5 failures for 1 s, so cases that open one do not hold up the rest.
    public static func start(upstreams: UpstreamDirectory, rateLimit: Int = 100_000, loopCount: Int = 1) async throws
        -> EmbeddedGateway {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-embedded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var options = Platform.Options(databasePath: directory.appendingPathComponent("gateway.sqlite").path,
                                       defaultRateLimit: rateLimit, upstreams: upstreams,
                                       breakerSettings: CircuitBreakers.Settings(failureThreshold: 5, openDuration: 1,
                                                                                 successThreshold: 2))
        options.outboxPollInterval = .milliseconds(20)
        let platform = try await Platform.open(options)
        try await MockPlatformKeys.install(platform)
        let workers = try await GatewayApp.startWorkers(platform: platform)
        let credentials = try await DemoBootstrap.credentials(platform)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: loopCount, log: { _ in }),
            responder: GatewayApp.makeRouter(platform: platform))
        try server.start()
        return EmbeddedGateway(platform: platform, credentials: credentials, server: server, workers: workers,
                               directory: directory)
    }

    /// A verify profile for this gateway and the mock upstream at `mockBaseURL`.
    public func profile(mockBaseURL: String?) -> JSONValue {
        credentials.profile(baseURL: baseURL, mockBaseURL: mockBaseURL)
    }

    /// Stops serving and the workers, and removes the database folder.
    public func stop() async {
        await server.shutdownGracefully(gracePeriod: .milliseconds(200))
        workers.forEach { $0.cancel() }
        platform.outbox.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
