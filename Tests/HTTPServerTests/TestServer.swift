import Foundation
import HTTPCore
import HTTPServer

/// Starts a server on a free loopback port for one test, and stops it afterwards.
func withServer<T>(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    responder: any HTTPResponder = ClosureResponder { _ in .text("ok") },
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, log: { _ in })
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: responder)
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdownGracefully(gracePeriod: .seconds(1))
        return result
    } catch {
        await server.shutdownGracefully(gracePeriod: .seconds(1))
        throw error
    }
}

/// An echo responder: method, target and body back as text, with the body length in a header.
let echoResponder = ClosureResponder { request in
    var response = HTTPResponse.text("\(request.method) \(request.head.target) \(String(decoding: request.bodyBytes, as: UTF8.self))")
    response.headers.add(name: "X-Body-Length", value: String(request.bodyBytes.count))
    return response
}

/// Runs blocking socket code on its own thread, so it never starves the cooperative pool that the server's
/// suspended handlers resume on.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}

/// Sends `request` on a new connection and reads responses until `count` have arrived or the peer closes.
func exchange(port: Int, _ request: String, responses count: Int = 1, timeout: TimeInterval = 20) async throws
    -> (responses: [RawResponse], closed: Bool) {
    try await blocking {
        let client = try RawClient(port: port, timeout: timeout)
        client.send(request)
        return client.readResponses(count)
    }
}
