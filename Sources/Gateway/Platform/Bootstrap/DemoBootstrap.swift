import JSONSchema

/// What a fresh server hands its operator: ids, keys in each surface's form, member JWTs and an admin token.
public struct DemoCredentials: Sendable {
    public var organization: Organization
    public var project: Project
    /// An agent with the api_caller tool in the demo project (seed 004's `:agentId`).
    public var agentID: String
    public var apiKey: APIKeySecret
    public var jwts: [Role: String]
    public var adminToken: String
    public var other: (organization: Organization, apiKey: APIKeySecret, adminJWT: String)

    /// The profile variables the conformance runner reads (names fixed in Contracts/profile.schema.json).
    public var variables: [String: String] {
        var values: [String: String] = [
            "org": organization.slug, "orgId": organization.id, "projectId": project.id, "agentId": agentID,
            "apiKey": apiKey.token, "token": apiKey.token, "integrationsToken": apiKey.token,
            "automationKey": apiKey.token, "callablesApiKey": apiKey.callableForm, "adminToken": adminToken,
            "otherOrg": other.organization.slug, "otherOrgId": other.organization.id,
            "otherApiKey": other.apiKey.token, "otherAutomationKey": other.apiKey.token,
            "otherJwtAdmin": other.adminJWT,
        ]
        for (role, token) in jwts { values["jwt" + role.rawValue.prefix(1).uppercased() + role.rawValue.dropFirst()] = token }
        return values
    }
}

/// Creates the demo organization on an empty database, or fresh credentials in an existing one.
public enum DemoBootstrap {
    public static let organizationSlug = "demo"
    public static let otherOrganizationSlug = "other-org"

    /// True when the database has no organization yet.
    public static func isEmpty(_ platform: Platform) async throws -> Bool {
        try await platform.identity.organizations().isEmpty
    }

    /// Makes (or reuses) the demo and the other organization, then mints new keys, JWTs and an admin token.
    public static func credentials(_ platform: Platform) async throws -> DemoCredentials {
        let identity = platform.identity
        let organization = try await findOrCreate(organizationSlug, name: "Demo", platform)
        let other = try await findOrCreate(otherOrganizationSlug, name: "Other organization", platform)
        let project = try await firstProject(organization, platform)
        _ = try await firstProject(other, platform)
        var jwts: [Role: String] = [:]
        for role in Role.allCases {
            let member = try await member(role, in: organization, platform)
            jwts[role] = try platform.tokens.issue(for: member, lifetime: 30 * 86_400)
        }
        let otherAdmin = try await member(.admin, in: other, platform)
        let (_, apiKey) = try await identity.createAPIKey(organizationID: organization.id, projectID: project.id,
                                                          name: "demo key", role: .admin, scopes: [], rateLimit: nil)
        let (_, otherKey) = try await identity.createAPIKey(organizationID: other.id, projectID: nil, name: "other key",
                                                            role: .admin, scopes: [], rateLimit: nil)
        let adminToken = try await identity.createAdminToken(name: "bootstrap")
        let agents = AgentStore(platform: platform)
        var agentID = try await agents.agents(organizationID: organization.id, projectID: project.id).first?.id
        if agentID == nil {
            agentID = try await agents.create(organizationID: organization.id, projectID: project.id, name: "Demo agent",
                                              model: "gpt-4o-mini",
                                              instructions: "Answer using the configured API endpoints when they help.",
                                              tools: ["api_caller"]).id
        }
        try await platform.audit.record(actor: "bootstrap", action: "demo.credentials", organizationID: organization.id)
        return DemoCredentials(organization: organization, project: project, agentID: agentID ?? "", apiKey: apiKey, jwts: jwts,
                               adminToken: adminToken,
                               other: (other, otherKey, try platform.tokens.issue(for: otherAdmin, lifetime: 30 * 86_400)))
    }

    private static func findOrCreate(_ slug: String, name: String, _ platform: Platform) async throws -> Organization {
        if let existing = try await platform.identity.organization(slug) { return existing }
        return try await platform.identity.createOrganization(slug: slug, name: name)
    }

    private static func firstProject(_ organization: Organization, _ platform: Platform) async throws -> Project {
        if let project = try await platform.identity.projects(organizationID: organization.id).first { return project }
        return try await platform.identity.createProject(organizationID: organization.id, name: "Default project")
    }

    private static func member(_ role: Role, in organization: Organization, _ platform: Platform) async throws -> Member {
        let email = "\(role.rawValue)@\(organization.slug).example"
        if let member = try await platform.identity.members(organizationID: organization.id).first(where: { $0.email == email }) {
            return member
        }
        return try await platform.identity.createMember(organizationID: organization.id, email: email,
                                                        name: "Demo \(role.rawValue)", role: role)
    }
}

extension DemoCredentials {
    /// The profile JSON for `switchboard verify --profile`.
    public func profile(baseURL: String, mockBaseURL: String?) -> JSONValue {
        var object: JSONObject = ["baseURL": .string(baseURL)]
        if let mockBaseURL { object["mockBaseURL"] = .string(mockBaseURL) }
        var variables = JSONObject()
        for (name, value) in self.variables.sorted(by: { $0.key < $1.key }) { variables[name] = .string(value) }
        object["variables"] = .object(variables)
        return .object(object)
    }
}
