import Crypto
import JSONSchema
import Store

/// An agent row with its API configuration opened from the vault.
struct AgentRecord: Sendable {
    let id: String
    let organizationID: String
    let projectID: String
    let name: String
    let model: String
    let instructions: String
    let tools: [String]
    /// `{"endpoints": {name: endpoint with secrets}, "authentication": … (deprecated root)}`.
    var apiConfig: JSONObject
    let summarization: JSONValue

    var endpoints: JSONObject { apiConfig["endpoints"]?.objectValue ?? [:] }
    var hasAPICaller: Bool { tools.contains("api_caller") }
}

/// Agents scoped to an organization and project; their endpoint secrets are sealed with the row id bound in.
struct AgentStore: Sendable {
    let platform: Platform

    func agent(_ id: String, organizationID: String, projectID: String) async throws -> AgentRecord? {
        let row: Row? = try await platform.database.read { connection in
            try connection.queryOne("SELECT * FROM agents WHERE id = ? AND org_id = ? AND project_id = ?",
                                    [.text(id), .text(organizationID), .text(projectID)])
        }
        guard let row else { return nil }
        return try record(row)
    }

    func agents(organizationID: String, projectID: String) async throws -> [AgentRecord] {
        let rows: [Row] = try await platform.database.read { connection in
            try connection.query("SELECT * FROM agents WHERE org_id = ? AND project_id = ? ORDER BY created_at",
                                 [.text(organizationID), .text(projectID)])
        }
        return try rows.map(record)
    }

    func create(organizationID: String, projectID: String, name: String, model: String, instructions: String,
                tools: [String], description: String? = nil) async throws -> AgentRecord {
        let id = "agent_" + SecureRandom.hexToken(bytes: 10)
        let now = Timestamp.now()
        let sealed = try platform.vault.seal(["endpoints": [:]], for: "agent:\(id)")
        try await platform.database.write { connection in
            try connection.execute("""
                INSERT INTO agents (id, org_id, project_id, name, description, model, instructions, tools, sealed_api_config,
                                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), .text(organizationID), .text(projectID), .text(name), SQLValue(description), .text(model),
                      .text(instructions), .text(JSONValue.array(tools.map(JSONValue.string)).serialized()), .text(sealed),
                      .text(now), .text(now)])
        }
        return AgentRecord(id: id, organizationID: organizationID, projectID: projectID, name: name, model: model,
                           instructions: instructions, tools: tools, apiConfig: ["endpoints": [:]], summarization: [:])
    }

    func saveConfig(_ agent: AgentRecord) async throws {
        let sealed = try platform.vault.seal(.object(agent.apiConfig), for: "agent:\(agent.id)")
        try await platform.database.write { connection in
            try connection.execute("UPDATE agents SET sealed_api_config = ?, updated_at = ? WHERE id = ?",
                                   [.text(sealed), .text(Timestamp.now()), .text(agent.id)])
        }
    }

    private func record(_ row: Row) throws -> AgentRecord {
        let id: String = try row.require("id")
        let config = try row.string("sealed_api_config").map { try platform.vault.open($0, for: "agent:\(id)") }
        return AgentRecord(
            id: id, organizationID: try row.require("org_id"), projectID: try row.require("project_id"),
            name: try row.require("name"), model: try row.require("model"), instructions: try row.require("instructions"),
            tools: RowStore.json(row, "tools").arrayValue?.compactMap(\.stringValue) ?? [],
            apiConfig: config?.objectValue ?? ["endpoints": [:]], summarization: RowStore.json(row, "summarization"))
    }
}
