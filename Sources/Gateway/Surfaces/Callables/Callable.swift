import JSONSchema

/// A callable as seed 003 lists it, plus what it needs to run.
struct Callable: Sendable {
    var id: String
    var type: String
    var name: String
    var description: String?
    var icon: String?
    var groupName: String?
    var inputSchema: JSONValue
    var outputSchema: JSONValue
    var customization: JSONValue
    var auth: String
    var oauthSystemID: String?
    var isOwner: Bool
    var slug: String?
    /// Type-specific settings (request, script, pipeline); for agents, the agent id.
    var config: JSONValue
    var organizationID: String

    /// `CallableListItem` with exactly the documented fields (seed 003, "Structure des Données").
    var listItem: JSONValue {
        ["id": .string(id), "type": .string(type), "name": .string(name), "description": description.map(JSONValue.string) ?? nil,
         "icon": icon.map(JSONValue.string) ?? nil, "group_name": groupName.map(JSONValue.string) ?? nil,
         "input_schema": inputSchema, "output_schema": outputSchema, "customization": customization, "auth": .string(auth),
         "oauth_system_id": oauthSystemID.map(JSONValue.string) ?? nil, "is_owner": .bool(isOwner),
         "slug": slug.map(JSONValue.string) ?? nil]
    }

    /// An agent of the project, as a callable (seed 004's agents are seed 003's `agent` type).
    static func from(_ agent: AgentRecord) -> Callable {
        Callable(id: agent.id, type: "agent", name: agent.name, description: nil, icon: nil, groupName: nil,
                 inputSchema: ["type": "object", "properties": ["message": ["type": "string", "description": "The user's message"]],
                               "required": ["message"]],
                 outputSchema: ["type": "string"], customization: [:], auth: "NONE", oauthSystemID: nil, isOwner: true,
                 slug: nil, config: ["agentId": .string(agent.id)], organizationID: agent.organizationID)
    }
}

/// Callables visible to a project: its own, its agents, and those of packages it installed.
struct CallableStore: Sendable {
    let platform: Platform

    func visible(projectID: String, organizationID: String) async throws -> [Callable] {
        let (own, shared) = try await platform.repositories.callables.callables(projectID: projectID,
                                                                                organizationID: organizationID)
        let agents = try await AgentStore(platform: platform).agents(organizationID: organizationID, projectID: projectID)
        let all = own + agents.map(Callable.from) + shared
        return all.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    /// A visible callable by id or slug.
    func find(_ idOrSlug: String, projectID: String, organizationID: String) async throws -> Callable? {
        try await visible(projectID: projectID, organizationID: organizationID).first { $0.id == idOrSlug || $0.slug == idOrSlug }
    }
}
