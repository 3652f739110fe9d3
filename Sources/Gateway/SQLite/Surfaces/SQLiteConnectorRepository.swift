import JSONSchema
import Store

/// `ConnectorRepository` over the `connectors` table, the config kept as JSON text.
struct SQLiteConnectorRepository: ConnectorRepository {
    let database: Database
    var rows: OrganizationRows { OrganizationRows(database: database) }

    func insert(_ connector: ConnectorRecord) async throws {
        try await database.write { connection in
            try connection.execute("INSERT INTO connectors (id, org_id, name, type, credential_id, config, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   [.text(connector.id), .text(connector.organizationID), .text(connector.name),
                                    .text(connector.type), SQLValue(connector.credentialID), .text(connector.config.serialized()),
                                    .text(connector.createdAt)])
        }
    }

    func connector(id: String, organizationID: String) async throws -> ConnectorRecord? {
        try await rows.row("connectors", id: id, organizationID: organizationID).map(Self.connector)
    }

    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([ConnectorRecord], total: Int) {
        let (found, total) = try await rows.page("connectors", organizationID: organizationID, limit: limit, offset: offset)
        return (try found.map(Self.connector), total)
    }

    func delete(id: String, organizationID: String) async throws -> Bool {
        try await rows.delete("connectors", id: id, organizationID: organizationID)
    }

    private static func connector(_ row: Row) throws -> ConnectorRecord {
        ConnectorRecord(id: try row.require("id"), organizationID: try row.require("org_id"), name: try row.require("name"),
                        type: try row.require("type"), credentialID: try row.string("credential_id"),
                        config: row.json("config"), createdAt: try row.require("created_at"))
    }
}
