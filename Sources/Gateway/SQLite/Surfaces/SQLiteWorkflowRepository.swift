import JSONSchema
import Store

/// `WorkflowRepository` over the `workflows` table, the definition kept as JSON text.
struct SQLiteWorkflowRepository: WorkflowRepository {
    let database: Database
    var rows: OrganizationRows { OrganizationRows(database: database) }

    func insert(_ workflow: WorkflowRecord) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO workflows (id, org_id, name, description, definition, is_public, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(workflow.id), .text(workflow.organizationID), .text(workflow.name), SQLValue(workflow.description),
                      .text(workflow.definition.serialized()), .integer(workflow.isPublic ? 1 : 0),
                      .text(workflow.createdAt), .text(workflow.updatedAt)])
        }
    }

    func workflow(id: String, organizationID: String) async throws -> WorkflowRecord? {
        try await rows.row("workflows", id: id, organizationID: organizationID).map(Self.workflow)
    }

    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([WorkflowRecord], total: Int) {
        let (found, total) = try await rows.page("workflows", organizationID: organizationID, limit: limit, offset: offset)
        return (try found.map(Self.workflow), total)
    }

    func update(_ workflow: WorkflowRecord) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE workflows SET name = ?, description = ?, definition = ?, is_public = ?, updated_at = ? WHERE id = ? AND org_id = ?
                """, [.text(workflow.name), SQLValue(workflow.description), .text(workflow.definition.serialized()),
                      .integer(workflow.isPublic ? 1 : 0), .text(workflow.updatedAt), .text(workflow.id),
                      .text(workflow.organizationID)])
        }
    }

    func delete(id: String, organizationID: String) async throws -> Bool {
        try await rows.delete("workflows", id: id, organizationID: organizationID)
    }

    private static func workflow(_ row: Row) throws -> WorkflowRecord {
        WorkflowRecord(id: try row.require("id"), organizationID: try row.require("org_id"), name: try row.require("name"),
                       description: try row.string("description"), definition: row.json("definition"),
                       isPublic: (try row.int("is_public") ?? 0) == 1, createdAt: try row.require("created_at"),
                       updatedAt: try row.require("updated_at"))
    }
}
