import Crypto
import Foundation
import JSONSchema

/// Turns workflow events into signed deliveries in the outbox, one per matching active webhook.
///
/// Headers: `X-Webhook-Signature` = hex HMAC-SHA256 of the raw body keyed with the webhook's secret string
/// (what seed 002's Node snippet verifies), `X-Webhook-Event`, `X-Webhook-Delivery` (stable across retries),
/// the webhook's custom headers, and the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and
/// `webhook-signature: v1,<base64 HMAC of "id.timestamp.body">` keyed with the base64-decoded part of the
/// `whsec_` secret, so receivers using that spec also get replay protection.
struct WebhookEvents: Sendable {
    let platform: Platform

    func emit(_ event: String, organizationID: String, data: JSONValue) async throws {
        for webhook in try await platform.repositories.webhooks.active(organizationID: organizationID) {
            let events = webhook.events.arrayValue?.compactMap(\.stringValue) ?? []
            guard events.contains(event) else { continue }
            let id = webhook.id
            let secret = String(decoding: try platform.vault.openSetting(webhook.sealedSecret, name: "webhook:\(id)"),
                                as: UTF8.self)
            let timestamp = Timestamp.now()
            let body = JSONValue.object(["event": .string(event), "timestamp": .string(timestamp), "data": data]).serializedBytes()
            let deliveryID = "dlv_" + SecureRandom.hexToken(bytes: 12)
            var headers = Self.signatureHeaders(body: body, secret: secret, deliveryID: deliveryID, event: event)
            for (name, value) in webhook.headers.objectValue ?? [:] {
                if let text = value.stringValue { headers.append((name, text)) }
            }
            let policy = webhook.retryPolicy
            try await platform.outbox.enqueue(OutboxMessage(
                organizationID: organizationID, kind: event, subject: id, url: webhook.url, headers: headers, body: body,
                maxAttempts: policy["maxAttempts"]?.intValue ?? 3, backoffMilliseconds: policy["backoffMs"]?.intValue ?? 1000),
                id: deliveryID)
        }
    }

    static func signatureHeaders(body: [UInt8], secret: String, deliveryID: String, event: String) -> [(String, String)] {
        let seconds = String(Int(Date().timeIntervalSince1970))
        let standardKey = Base64.decode(String(secret.dropFirst("whsec_".count))) ?? Data(secret.utf8)
        let signed = Array("\(deliveryID).\(seconds).".utf8) + body
        return [
            ("X-Webhook-Signature", Hex.encode(HMACSHA256.authenticationCode(for: body, key: Array(secret.utf8)))),
            ("X-Webhook-Event", event), ("X-Webhook-Delivery", deliveryID),
            ("webhook-id", deliveryID), ("webhook-timestamp", seconds),
            ("webhook-signature", "v1," + Base64.encode(HMACSHA256.authenticationCode(for: signed, key: standardKey))),
        ]
    }
}
