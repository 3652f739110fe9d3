import Crypto
import Foundation
import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// Seed 002 `/api/v1/webhooks`: create (the secret is returned once), list, get, delete, and each
/// webhook's delivery log.
enum WebhookRoutes {
    static let events: Set<String> = ["workflow.completed", "workflow.failed"]

    static func register(on group: inout RouterBuilder, platform: Platform) {
        let rows = RowStore(database: platform.database)
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
            try await platform.database.write { connection in
                try connection.execute("""
                    INSERT INTO webhooks (id, org_id, name, url, events, headers, retry_policy, sealed_secret, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.text(id), .text(principal.organization.id), .text(name), .text(url),
                          .text(JSONValue.array(list.map(JSONValue.string)).serialized()), .text(headers.serialized()),
                          .text(retry.serialized()), .text(try platform.vault.sealSetting(Array(secret.utf8), name: "webhook:\(id)")),
                          .text(now)])
            }
            guard let row = try await rows.row("webhooks", id: id, organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Webhook not found")
            }
            var created = json(row)
            created["secret"] = .string(secret)
            return .json(created, status: .created)
        }
        group.get("/webhooks") { request in
            let principal = try request.principal()
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await rows.page("webhooks", organizationID: principal.organization.id, limit: page.limit, offset: page.offset)
            var response = HTTPResponse.json(.array(found.map(json)))
            response.headers.add(name: "X-Total-Count", value: String(total))
            return response
        }
        group.get("/webhooks/{id}") { request in
            .json(json(try await webhook(request, rows)))
        }
        group.delete("/webhooks/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await rows.delete("webhooks", id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Webhook not found")
            }
            return HTTPResponse(status: .noContent)
        }
        group.get("/webhooks/{id}/deliveries") { request in
            let row = try await webhook(request, rows)
            let records = try await platform.outbox.records(subject: try row.require("id"),
                                                            organizationID: try request.principal().organization.id)
            return .json(.array(records.map(\.json)))
        }
    }

    static func webhook(_ request: HTTPRequest, _ rows: RowStore) async throws -> Row {
        guard let row = try await rows.row("webhooks", id: request.parameter("id"), organizationID: try request.principal().organization.id) else {
            throw PlatformError.notFound("Webhook not found")
        }
        return row
    }

    /// The webhook without its secret.
    static func json(_ row: Row) -> JSONValue {
        ["id": .string((try? row.require("id", as: String.self)) ?? ""), "name": .string((try? row.require("name", as: String.self)) ?? ""),
         "url": .string((try? row.require("url", as: String.self)) ?? ""), "events": RowStore.json(row, "events"),
         "headers": RowStore.json(row, "headers"), "retryPolicy": RowStore.json(row, "retry_policy"),
         "isActive": .bool(((try? row.int("is_active")) ?? 1) == 1),
         "createdAt": .string((try? row.require("created_at", as: String.self)) ?? "")]
    }
}
