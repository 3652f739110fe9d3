import JSONSchema
import Store

/// Small helpers for seed 002's tables: JSON columns, org-scoped fetches and deletes, pagination.
struct RowStore: Sendable {
    let database: Database

    /// One row of `table` with this id in the organization, or nil (another tenant's id is not found).
    func row(_ table: String, id: String, organizationID: String) async throws -> Row? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM \(table) WHERE id = ? AND org_id = ?", [.text(id), .text(organizationID)])
        }
    }

    /// A page of the organization's rows, oldest first, and the total count.
    func page(_ table: String, organizationID: String, limit: Int, offset: Int) async throws -> ([Row], Int) {
        try await database.read { connection in
            let rows = try connection.query("SELECT * FROM \(table) WHERE org_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                                            [.text(organizationID), .integer(Int64(limit)), .integer(Int64(offset))])
            let total = try connection.queryOne("SELECT COUNT(*) AS n FROM \(table) WHERE org_id = ?", [.text(organizationID)])?.int("n") ?? 0
            return (rows, total)
        }
    }

    /// Deletes the row; false when it does not exist for the organization.
    func delete(_ table: String, id: String, organizationID: String) async throws -> Bool {
        try await database.write { connection in
            try connection.execute("DELETE FROM \(table) WHERE id = ? AND org_id = ?", [.text(id), .text(organizationID)]) > 0
        }
    }

    /// A JSON column's value (null when absent or unreadable).
    static func json(_ row: Row, _ column: String) -> JSONValue {
        (try? row.string(column)).flatMap { $0 }.flatMap { try? JSONValue(parsing: $0) } ?? .null
    }
}

/// `?limit=` (1–100, default 50) and `?offset=` (default 0), with 400 for anything else.
struct Pagination {
    let limit: Int
    let offset: Int

    init(_ request: HTTPRequestQuery) throws {
        limit = try Self.number(request.value("limit"), name: "limit", default: 50, range: 1...100)
        offset = try Self.number(request.value("offset"), name: "offset", default: 0, range: 0...Int(Int32.max))
    }

    private static func number(_ text: String?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw PlatformError.invalid("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// Reads query parameters (so pagination does not depend on the whole request type).
struct HTTPRequestQuery {
    let value: (String) -> String?
}
