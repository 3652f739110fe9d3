import Crypto
import JSONSchema

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

/// Agents scoped to an organization and project; their endpoint secrets are sealed with the agent id bound in.
struct AgentStore: Sendable {
    let platform: Platform

    private var repository: any AgentRepository { platform.repositories.agents }

    func agent(_ id: String, organizationID: String, projectID: String) async throws -> AgentRecord? {
        guard let stored = try await repository.agent(id: id, organizationID: organizationID, projectID: projectID) else {
            return nil
        }
        return try record(stored)
    }

    func agents(organizationID: String, projectID: String) async throws -> [AgentRecord] {
        try await repository.agents(organizationID: organizationID, projectID: projectID).map(record)
    }

    func create(organizationID: String, projectID: String, name: String, model: String, instructions: String,
                tools: [String], description: String? = nil) async throws -> AgentRecord {
        let id = "agent_" + SecureRandom.hexToken(bytes: 10)
        let now = Timestamp.now()
        let sealed = try platform.vault.seal(["endpoints": [:]], for: "agent:\(id)")
        try await repository.insert(SealedAgent(
            id: id, organizationID: organizationID, projectID: projectID, name: name, description: description, model: model,
            instructions: instructions, tools: tools, sealedAPIConfig: sealed, summarization: [:]), at: now)
        return AgentRecord(id: id, organizationID: organizationID, projectID: projectID, name: name, model: model,
                           instructions: instructions, tools: tools, apiConfig: ["endpoints": [:]], summarization: [:])
    }

    func saveConfig(_ agent: AgentRecord) async throws {
        let sealed = try platform.vault.seal(.object(agent.apiConfig), for: "agent:\(agent.id)")
        try await repository.saveAPIConfig(sealed, agentID: agent.id, at: Timestamp.now())
    }

    private func record(_ stored: SealedAgent) throws -> AgentRecord {
        let config = try stored.sealedAPIConfig.map { try platform.vault.open($0, for: "agent:\(stored.id)") }
        return AgentRecord(
            id: stored.id, organizationID: stored.organizationID, projectID: stored.projectID, name: stored.name,
            model: stored.model, instructions: stored.instructions, tools: stored.tools,
            apiConfig: config?.objectValue ?? ["endpoints": [:]], summarization: stored.summarization)
    }
}
