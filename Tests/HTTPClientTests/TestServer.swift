import HTTPClient
import HTTPCore
import HTTPServer

/// The tests' HTTP server on 127.0.0.1, port 0: the one place that knows which server implementation runs.
final class TestServer: Sendable {
    private let server: HTTPServer
    /// `http://127.0.0.1:<port>`.
    let baseURL: String

    /// Starts a server answering with the given closure.
    init(_ respond: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) throws {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: 1, log: { _ in })
        server = HTTPServer(configuration: configuration, responder: ClosureResponder(respond))
        try server.start()
        baseURL = server.baseURL
    }

    /// The absolute URL of a path on this server.
    func url(_ path: String) -> String { baseURL + path }

    /// Stops the server, closing connections still open after a short grace period.
    func shutdown() async {
        await server.shutdownGracefully(gracePeriod: .milliseconds(200))
    }
}

/// Runs `body` with a started server and a client, and stops both afterwards.
func withServer<T>(
    configuration: HTTPClient.Configuration = .init(),
    _ respond: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse = TestRoutes.respond,
    _ body: (TestServer, HTTPClient) async throws -> T
) async throws -> T {
    let server = try TestServer(respond)
    let client = HTTPClient(configuration: configuration)
    do {
        let result = try await body(server, client)
        client.shutdown()
        await server.shutdown()
        return result
    } catch {
        client.shutdown()
        await server.shutdown()
        throw error
    }
}
