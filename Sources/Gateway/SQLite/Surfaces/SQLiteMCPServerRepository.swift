import JSONSchema
import Store

/// `MCPServerRepository` over the `mcp_servers` table, tools kept as a JSON array.
struct SQLiteMCPServerRepository: MCPServerRepository {
    let database: Database

    func servers(organizationID: String) async throws -> [SealedMCPServer] {
        try await database.read { connection in
            try connection.query("SELECT * FROM mcp_servers WHERE org_id = ? ORDER BY key", [.text(organizationID)]).map { row in
                SealedMCPServer(key: try row.require("key"), name: try row.require("name"), url: try row.require("url"),
                                tools: (try? JSONValue(parsing: try row.require("tools", as: String.self)))?.arrayValue ?? [],
                                sealedHeaders: try row.string("sealed_headers"))
            }
        }
    }

    func insert(_ server: SealedMCPServer, organizationID: String, at: String) async throws {
        try await rejectingDuplicates {
            try await database.write { connection in
                try connection.execute("""
                    INSERT INTO mcp_servers (org_id, key, name, url, tools, sealed_headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(organizationID), .text(server.key), .text(server.name), .text(server.url),
                          .text(JSONValue.array(server.tools).serialized()), SQLValue(server.sealedHeaders), .text(at)])
            }
        }
    }
}
