import Crypto
import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 002 `/api/v1/webhooks`: create (the secret is returned once), list, get, delete, and each
/// webhook's delivery log.
enum WebhookRoutes {
    static let events: Set<String> = ["workflow.completed", "workflow.failed"]

    static func register(on group: inout RouterBuilder, platform: Platform) {
        let webhooks = platform.repositories.webhooks
        group.post("/webhooks") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let body = try request.jsonObject()
            let url = try body.requiredString("url")
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw PlatformError.invalid("url must be an http or https URL")
            }
            guard let list = body["events"]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty,
                  list.allSatisfy(events.contains) else {
                throw PlatformError.invalid("events must be a non-empty array of workflow.completed, workflow.failed")
            }
            let headers = body["headers"] ?? [:]
            guard headers.objectValue?.allSatisfy({ $0.value.stringValue != nil }) == true else {
                throw PlatformError.invalid("headers must be an object of strings")
            }
            let policy = body["retryPolicy"] ?? [:]
            let attempts = policy["maxAttempts"]?.intValue ?? 3, backoff = policy["backoffMs"]?.intValue ?? 1000
            guard (1...20).contains(attempts), (0...3_600_000).contains(backoff) else {
                throw PlatformError.invalid("retryPolicy.maxAttempts must be 1 to 20 and retryPolicy.backoffMs 0 to 3600000")
            }
            let id = "wh_" + SecureRandom.hexToken(bytes: 10)
            let secret = "whsec_" + Base64.encode(SecureRandom.bytes(count: 24))
            let now = Timestamp.now()
            let name = try body.optionalString("name") ?? url
            let retry: JSONValue = ["maxAttempts": .number(JSONNumber(attempts)), "backoffMs": .number(JSONNumber(backoff))]
            try await webhooks.insert(WebhookRecord(
                id: id, organizationID: principal.organization.id, name: name, url: url,
                events: .array(list.map(JSONValue.string)), headers: headers, retryPolicy: retry,
                sealedSecret: try platform.vault.sealSetting(Array(secret.utf8), name: "webhook:\(id)"), isActive: true,
                createdAt: now))
            guard let webhook = try await webhooks.webhook(id: id, organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Webhook not found")
            }
            var created = json(webhook)
            created["secret"] = .string(secret)
            return .json(created, status: .created)
        }
        group.get("/webhooks") { request in
            let principal = try request.principal()
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await webhooks.page(organizationID: principal.organization.id, limit: page.limit,
                                                         offset: page.offset)
            var response = HTTPResponse.json(.array(found.map(json)))
            response.headers.add(name: "X-Total-Count", value: String(total))
            return response
        }
        group.get("/webhooks/{id}") { request in
            .json(json(try await webhook(request, webhooks)))
        }
        group.delete("/webhooks/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await webhooks.delete(id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Webhook not found")
            }
            return HTTPResponse(status: .noContent)
        }
        group.get("/webhooks/{id}/deliveries") { request in
            let found = try await webhook(request, webhooks)
            let records = try await platform.outbox.records(subject: found.id,
                                                            organizationID: try request.principal().organization.id)
            return .json(.array(records.map(\.json)))
        }
    }

    static func webhook(_ request: HTTPRequest, _ webhooks: any WebhookRepository) async throws -> WebhookRecord {
        guard let webhook = try await webhooks.webhook(id: request.parameter("id"),
                                                       organizationID: try request.principal().organization.id) else {
            throw PlatformError.notFound("Webhook not found")
        }
        return webhook
    }

    /// The webhook without its secret.
    static func json(_ webhook: WebhookRecord) -> JSONValue {
        ["id": .string(webhook.id), "name": .string(webhook.name), "url": .string(webhook.url), "events": webhook.events,
         "headers": webhook.headers, "retryPolicy": webhook.retryPolicy, "isActive": .bool(webhook.isActive),
         "createdAt": .string(webhook.createdAt)]
    }
}
