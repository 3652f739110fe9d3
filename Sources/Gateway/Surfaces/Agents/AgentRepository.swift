import JSONSchema

/// An agent as it persists: its API configuration sealed by the vault (bound to `agent:<id>`).
struct SealedAgent: Sendable, Equatable {
    var id: String
    var organizationID: String
    var projectID: String
    var name: String
    var description: String?
    var model: String
    var instructions: String
    var tools: [String]
    /// The vault's envelope of `{"endpoints": …}`, or nil when none was ever stored.
    var sealedAPIConfig: String?
    var summarization: JSONValue
}

/// Where agents persist, scoped to an organization and project.
protocol AgentRepository: Sendable {
    /// One agent of the project, or nil.
    func agent(id: String, organizationID: String, projectID: String) async throws -> SealedAgent?
    /// The project's agents, oldest first.
    func agents(organizationID: String, projectID: String) async throws -> [SealedAgent]
    /// Stores a new agent created at `at`.
    func insert(_ agent: SealedAgent, at: String) async throws
    /// Replaces an agent's sealed API configuration.
    func saveAPIConfig(_ sealed: String, agentID: String, at: String) async throws
}
