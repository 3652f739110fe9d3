import JSONSchema
import Store

/// `AgentRepository` over the `agents` table; tools and summarization kept as JSON.
struct SQLiteAgentRepository: AgentRepository {
    let database: Database

    func agent(id: String, organizationID: String, projectID: String) async throws -> SealedAgent? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM agents WHERE id = ? AND org_id = ? AND project_id = ?",
                                    [.text(id), .text(organizationID), .text(projectID)]).map(Self.agent)
        }
    }

    func agents(organizationID: String, projectID: String) async throws -> [SealedAgent] {
        try await database.read { connection in
            try connection.query("SELECT * FROM agents WHERE org_id = ? AND project_id = ? ORDER BY created_at",
                                 [.text(organizationID), .text(projectID)]).map(Self.agent)
        }
    }

    func insert(_ agent: SealedAgent, at: String) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO agents (id, org_id, project_id, name, description, model, instructions, tools, sealed_api_config,
                                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(agent.id), .text(agent.organizationID), .text(agent.projectID), .text(agent.name),
                      SQLValue(agent.description), .text(agent.model), .text(agent.instructions),
                      .text(JSONValue.array(agent.tools.map(JSONValue.string)).serialized()), SQLValue(agent.sealedAPIConfig),
                      .text(at), .text(at)])
        }
    }

    func saveAPIConfig(_ sealed: String, agentID: String, at: String) async throws {
        try await database.write { connection in
            try connection.execute("UPDATE agents SET sealed_api_config = ?, updated_at = ? WHERE id = ?",
                                   [.text(sealed), .text(at), .text(agentID)])
        }
    }

    private static func agent(_ row: Row) throws -> SealedAgent {
        SealedAgent(
            id: try row.require("id"), organizationID: try row.require("org_id"), projectID: try row.require("project_id"),
            name: try row.require("name"), description: try row.string("description"), model: try row.require("model"),
            instructions: try row.require("instructions"),
            tools: row.json("tools").arrayValue?.compactMap(\.stringValue) ?? [],
            sealedAPIConfig: try row.string("sealed_api_config"), summarization: row.json("summarization"))
    }
}
