/// Organizations, projects, members, API keys and admin tokens. SQLite implements it today; a PostgreSQL
/// store can implement it later without touching the surfaces.
public protocol IdentityStore: Sendable {
    func createOrganization(slug: String, name: String) async throws -> Organization
    func organizations() async throws -> [Organization]
    /// By id or by slug (seed 000 addresses organizations by slug, seed 004 by id).
    func organization(_ idOrSlug: String) async throws -> Organization?

    func createProject(organizationID: String, name: String) async throws -> Project
    func projects(organizationID: String) async throws -> [Project]
    func project(id: String, organizationID: String) async throws -> Project?

    func createMember(organizationID: String, email: String, name: String, role: Role) async throws -> Member
    func members(organizationID: String) async throws -> [Member]
    func member(id: String, organizationID: String) async throws -> Member?

    /// Creates a key; the secret is returned once and only its hash is kept.
    func createAPIKey(
        organizationID: String, projectID: String?, name: String, role: Role, scopes: [String], rateLimit: Int?
    ) async throws -> (APIKeyRecord, APIKeySecret)
    func apiKeys(organizationID: String) async throws -> [APIKeyRecord]
    /// Marks a key revoked; false when no such key exists in the organization.
    func revokeAPIKey(id: String, organizationID: String) async throws -> Bool
    /// The live key the secret belongs to, or nil; records its use.
    func authenticate(_ secret: APIKeySecret) async throws -> APIKeyRecord?

    /// Creates an admin token; returned once, stored as a hash.
    func createAdminToken(name: String) async throws -> String
    func verifyAdminToken(_ token: String) async throws -> Bool

    func setting(_ name: String) async throws -> String?
    func setSetting(_ name: String, value: String) async throws
}
