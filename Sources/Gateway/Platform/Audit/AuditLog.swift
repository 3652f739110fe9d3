import JSONSchema
import Store

/// One audited admin action.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var organizationID: String?
    public var target: String?
    /// What changed, never secret values.
    public var detail: JSONValue
}

/// An append-only record of admin actions (who did what to which organization).
public final class AuditLog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends an entry. Callers pass identifiers and field names only, never secrets.
    public func record(actor: String, action: String, organizationID: String? = nil, target: String? = nil,
                       detail: JSONValue = .object([:])) async throws {
        try await database.write { connection in
            try connection.execute(
                "INSERT INTO audit_log (at, actor, action, org_id, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(Timestamp.now()), .text(actor), .text(action), SQLValue(organizationID), SQLValue(target),
                 .text(detail.serialized())])
        }
    }

    /// Entries, newest first, optionally for one organization.
    public func entries(organizationID: String? = nil, limit: Int = 100) async throws -> [AuditEntry] {
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
