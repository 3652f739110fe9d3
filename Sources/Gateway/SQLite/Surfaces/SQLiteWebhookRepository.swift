import JSONSchema
import Store

/// `WebhookRepository` over the `webhooks` table; events, headers and retry policy kept as JSON text.
struct SQLiteWebhookRepository: WebhookRepository {
    let database: Database
    var rows: OrganizationRows { OrganizationRows(database: database) }

    func insert(_ webhook: WebhookRecord) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO webhooks (id, org_id, name, url, events, headers, retry_policy, sealed_secret, is_active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(webhook.id), .text(webhook.organizationID), .text(webhook.name), .text(webhook.url),
                      .text(webhook.events.serialized()), .text(webhook.headers.serialized()),
                      .text(webhook.retryPolicy.serialized()), .text(webhook.sealedSecret),
                      .integer(webhook.isActive ? 1 : 0), .text(webhook.createdAt)])
        }
    }

    func webhook(id: String, organizationID: String) async throws -> WebhookRecord? {
        try await rows.row("webhooks", id: id, organizationID: organizationID).map(Self.webhook)
    }

    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([WebhookRecord], total: Int) {
        let (found, total) = try await rows.page("webhooks", organizationID: organizationID, limit: limit, offset: offset)
        return (try found.map(Self.webhook), total)
    }

    func active(organizationID: String) async throws -> [WebhookRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM webhooks WHERE org_id = ? AND is_active = 1", [.text(organizationID)])
                .map(Self.webhook)
        }
    }

    func delete(id: String, organizationID: String) async throws -> Bool {
        try await rows.delete("webhooks", id: id, organizationID: organizationID)
    }

    private static func webhook(_ row: Row) throws -> WebhookRecord {
        WebhookRecord(id: try row.require("id"), organizationID: try row.require("org_id"), name: try row.require("name"),
                      url: try row.require("url"), events: row.json("events"), headers: row.json("headers"),
                      retryPolicy: row.json("retry_policy"), sealedSecret: try row.require("sealed_secret"),
                      isActive: (try row.int("is_active") ?? 1) == 1, createdAt: try row.require("created_at"))
    }
}
