import JSONSchema
import Store

/// `AuditRepository` over the `audit_log` table.
struct SQLiteAuditRepository: AuditRepository {
    let database: Database

    func append(at: String, actor: String, action: String, organizationID: String?, target: String?,
                detail: JSONValue) async throws {
        try await database.write { connection in
            try connection.execute(
                "INSERT INTO audit_log (at, actor, action, org_id, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(at), .text(actor), .text(action), SQLValue(organizationID), SQLValue(target),
                 .text(detail.serialized())])
        }
    }

    func entries(organizationID: String?, limit: Int) async throws -> [AuditEntry] {
        try await database.read { connection in
            let rows = try organizationID.map {
                try connection.query("SELECT * FROM audit_log WHERE org_id = ? ORDER BY id DESC LIMIT ?",
                                     [.text($0), .integer(Int64(limit))])
            } ?? connection.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))])
            return try rows.map { row in
                AuditEntry(id: try row.require("id"), at: try row.require("at"), actor: try row.require("actor"),
                           action: try row.require("action"), organizationID: try row.string("org_id"),
                           target: try row.string("target"),
                           detail: (try? JSONValue(parsing: try row.require("detail", as: String.self))) ?? .null)
            }
        }
    }
}
