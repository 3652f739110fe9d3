import JSONSchema
import Store

/// `IntegrationRepository` over the `registered_integrations` table, definitions kept as JSON text.
struct SQLiteIntegrationRepository: IntegrationRepository {
    let database: Database

    func definitions(organizationID: String) async throws -> [JSONValue] {
        let rows: [Row] = try await database.read { connection in
            try connection.query("SELECT definition FROM registered_integrations WHERE org_id = ? ORDER BY created_at",
                                 [.text(organizationID)])
        }
        return try rows.map { try JSONValue(parsing: try $0.require("definition", as: String.self)) }
    }

    func insert(_ definition: JSONValue, key: String, organizationID: String, at: String) async throws {
        try await rejectingDuplicates {
            try await database.write { connection in
                try connection.execute(
                    "INSERT INTO registered_integrations (org_id, key, definition, created_at) VALUES (?, ?, ?, ?)",
                    [.text(organizationID), .text(key), .text(definition.serialized()), .text(at)])
            }
        }
    }
}
