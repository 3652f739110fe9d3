/// An organization (a tenant): addressed by slug in seed 000's `{org}` and by id in seed 004's `:orgId`.
public struct Organization: Sendable, Codable, Equatable {
    public var id: String
    public var slug: String
    public var name: String
    public var createdAt: String
}

/// A project inside an organization (its id is a UUID).
public struct Project: Sendable, Codable, Equatable {
    public var id: String
    public var organizationID: String
    public var name: String
    public var createdAt: String
}

/// A person in an organization with a role.
public struct Member: Sendable, Codable, Equatable {
    public var id: String
    public var organizationID: String
    public var email: String
    public var name: String
    public var role: Role
    public var createdAt: String
}

/// An API key as stored: never the secret, only its hash.
public struct APIKeyRecord: Sendable, Codable, Equatable {
    public var id: String
    public var organizationID: String
    public var projectID: String?
    public var name: String
    public var role: Role
    public var scopes: [String]
    /// Requests per minute; nil means the platform default.
    public var rateLimit: Int?
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}
