import Foundation
import HTTPCore
import HTTPServer
import JSONSchema
import Synchronization

/// A provider stand-in on a loopback port, for testing invoke's plumbing before and beside the mock
/// upstream: it records what it received and answers per path.
final class StandInProvider: Sendable {
    struct Received: Sendable {
        let method: String
        let target: String
        let headers: HTTPHeaders
        let body: [UInt8]
    }

    let server: HTTPServer

    init(_ answer: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) throws {
        let box = ReceivedBox()
        server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, log: { _ in }),
                            responder: ClosureResponder { request in
                                box.append(Received(method: request.method.rawValue, target: request.head.target,
                                                    headers: request.headers, body: request.bodyBytes))
                                return try await answer(request)
                            })
        try server.start()
        self.box = box
    }

    private let box: ReceivedBox

    var requests: [Received] { box.all }
    var baseURL: String { server.baseURL }

    func stop() async { await server.shutdownGracefully(gracePeriod: .milliseconds(200)) }
}

/// The requests a stand-in received.
final class ReceivedBox: Sendable {
    private let items = Mutex<[StandInProvider.Received]>([])
    func append(_ item: StandInProvider.Received) { items.withLock { $0.append(item) } }
    var all: [StandInProvider.Received] { items.withLock { $0 } }
}
