import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSONSchema
import Synchronization

/// A small implementation for scenario tests: items that complete after a few polls, signed webhook
/// notifications, and a fake mock-upstream journal.
final class FlowDouble: Sendable {
    /// How the double misbehaves, if it does.
    enum Fault: Sendable { case none, badSignature, neverCompletes }

    private let polls = Mutex<[String: Int]>([:])
    private let client = HTTPClient()
    let fault: Fault
    static let secret = "whsec_test_secret"

    init(fault: Fault = .none) {
        self.fault = fault
    }

    deinit { client.shutdown() }

    func respond(_ request: HTTPRequest) async throws -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        switch (request.method.rawValue, parts.count, parts.first) {
        case ("POST", 1, "items"):
            let id = "item-" + UUID().uuidString.prefix(8).lowercased()
            return .body(["id": .string(id), "status": "pending", "secret": .string(Self.secret)], status: .created)
        case ("GET", 2, "items"):
            let count = polls.withLock { polls -> Int in
                polls[parts[1], default: 0] += 1
                return polls[parts[1]] ?? 0
            }
            let done = fault != .neverCompletes && count >= 3
            return .body([
                "id": .string(parts[1]), "status": done ? "completed" : "processing", "polls": .number(count),
            ])
        case ("POST", 3, "items") where parts[2] == "notify":
            let body = try JSONValue(parsing: try await request.body.collect(upTo: 1 << 20))
            try await notify(
                url: body["url"]?.stringValue ?? "", secret: body["secret"]?.stringValue ?? "", id: parts[1])
            return .body(["queued": true], status: .accepted)
        case ("GET", 2, "_mock") where parts[1] == "journal":
            return .body(["entries": Self.journal(provider: request.query("provider"), path: request.query("path"))])
        case ("POST", 2, "_mock") where parts[1] == "reset":
            return HTTPResponse(status: .noContent)  // as the mock upstream answers
        default:
            return .body(["error": "no route"], status: .notFound)
        }
    }

    /// Sends one signed delivery the way seed 002 documents webhooks.
    private func notify(url: String, secret: String, id: String) async throws {
        let payload = Array(
            #"{"event":"item.completed","timestamp":"2024-01-01T00:00:00Z","data":{"id":"\#(id)"}}"#.utf8)
        var signature = Hex.encode(HMACSHA256.authenticationCode(for: payload, key: Data(secret.utf8)))
        if fault == .badSignature { signature = String(signature.reversed()) }
        let headers: HTTPHeaders = [
            "X-Webhook-Signature": signature, "X-Webhook-Event": "item.completed",
            "X-Webhook-Delivery": UUID().uuidString,
        ]
        let response = try await client.send(
            HTTPClientRequest(method: .post, url: url, headers: headers, body: .json(payload)))
        _ = try await response.collect()
    }

    /// Two Slack calls and one Stripe call, in the journal's documented shape.
    static func journal(provider: String?, path: String?) -> JSONValue {
        let entries: [JSONValue] = [
            entry(1, "slack", "/api/chat.postMessage", body: ["channel": "C1", "text": "done"]),
            entry(2, "slack", "/api/chat.postMessage", body: ["channel": "C2", "text": "other"]),
            entry(3, "stripe", "/v1/customers", body: nil, form: ["email": "a@example.com"]),
        ]
        return .array(
            entries.filter {
                ($0["provider"]?.stringValue == provider || provider == nil)
                    && ($0["path"]?.stringValue == path || path == nil)
            })
    }

    private static func entry(
        _ id: Int, _ provider: String, _ path: String, body: JSONValue?, form: JSONValue? = nil
    ) -> JSONValue {
        [
            "id": .number(id), "receivedAt": "2024-01-01T00:00:00Z", "provider": .string(provider), "method": "POST",
            "path": .string(path), "query": "x=1", "headers": [:], "body": body ?? .null, "form": form ?? .null,
            "bodyBase64": "", "recording": .null, "status": 200,
        ]
    }
}
