import Store

/// Fetches, pages and deletes rows of tables scoped by an `org_id` column.
struct OrganizationRows: Sendable {
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
}
