import Foundation
import HTTPCore
import HTTPServer
import Synchronization

/// One request the webhook receiver got.
struct WebhookDelivery: Sendable {
    var receivedAt: Date
    var method: String
    var headers: HTTPHeaders
    var body: [UInt8]
}

/// An HTTP server (on 127.0.0.1 and a port the system picks, unless told otherwise) that records every request
/// to `/hooks/<token>` and answers 200, so scenarios can check the webhooks an implementation sends.
final class WebhookReceiver: Sendable {
    /// Bodies larger than this are refused.
    static let bodyLimit = 4 * 1024 * 1024
    private let server: HTTPServer
    private let store: DeliveryStore
    private let address: CallbackAddress

    /// Starts the receiver.
    init(address: CallbackAddress = CallbackAddress()) throws {
        let store = DeliveryStore()
        self.address = address
        let configuration = HTTPServerConfiguration(host: address.listenHost, port: address.port, loopCount: 1,
                                                    log: { _ in })
        server = HTTPServer(
            configuration: configuration,
            responder: ClosureResponder { request in
                guard request.path.hasPrefix("/hooks/"), request.path.count > "/hooks/".count else {
                    return .json(#"{"error":"not a webhook address"}"#, status: .notFound)
                }
                let body = try await request.body.collect(upTo: WebhookReceiver.bodyLimit)
                let delivery = WebhookDelivery(
                    receivedAt: Date(), method: request.method.rawValue, headers: request.headers, body: body)
                store.append(delivery, for: String(request.path.dropFirst("/hooks/".count)))
                return .json(#"{"received":true}"#)
            })
        self.store = store
        try server.start()
    }

    /// The address deliveries for `token` go to.
    func url(for token: String) -> String {
        let host = address.advertisedHost.contains(":") ? "[\(address.advertisedHost)]" : address.advertisedHost
        return "http://\(host):\(server.port ?? address.port)/hooks/" + token
    }

    /// What arrived for `token`, oldest first.
    func deliveries(for token: String) -> [WebhookDelivery] { store.deliveries(for: token) }

    /// Stops the server.
    func shutdown() async {
        await server.shutdownGracefully(gracePeriod: .milliseconds(200))
    }
}

/// The receiver's deliveries by token, shared between its handler and its readers.
final class DeliveryStore: Sendable {
    private let store = Mutex<[String: [WebhookDelivery]]>([:])

    func append(_ delivery: WebhookDelivery, for token: String) {
        store.withLock { $0[token, default: []].append(delivery) }
    }

    func deliveries(for token: String) -> [WebhookDelivery] {
        store.withLock { $0[token] ?? [] }
    }
}
