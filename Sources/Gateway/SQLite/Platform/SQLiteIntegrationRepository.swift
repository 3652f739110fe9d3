import JSONSchema
import Store

/// `IntegrationRepository` over the `registered_integrations` table, definitions kept as JSON text.
struct SQLiteIntegrationRepository: IntegrationRepository {
    let database: Database

    func definitions(organizationID: String) async throws -> [JSONValue] {
        // Parsed inside the read with a loop: `rows.map { try JSONValue(parsing:) }` after the await crashed the
        // Swift 6.3.1 optimizer (signal 11 while splitting this coroutine) in release builds.
        try await database.read { connection in
            var definitions: [JSONValue] = []
            for row in try connection.query("SELECT definition FROM registered_integrations WHERE org_id = ? ORDER BY created_at",
                                            [.text(organizationID)]) {
                let text: String = try row.require("definition", as: String.self)
                definitions.append(try JSONValue(parsing: text))
            }
            return definitions
        }
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
