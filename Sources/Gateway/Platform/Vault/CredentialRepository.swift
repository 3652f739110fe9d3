import JSONSchema

/// A credential as a repository keeps it: the summary fields and the vault's envelope of the secret data.
public struct SealedCredential: Sendable, Equatable {
    public var id: String
    public var organizationID: String?
    public var scope: CredentialScope
    public var name: String
    public var description: String?
    public var type: String
    public var provider: String
    /// The vault's envelope of the secret fields (bound to `id`); never plaintext.
    public var sealedData: String
    public var metadata: JSONValue
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, organizationID: String?, scope: CredentialScope, name: String, description: String?,
                type: String, provider: String, sealedData: String, metadata: JSONValue, createdAt: String,
                updatedAt: String) {
        self.id = id
        self.organizationID = organizationID
        self.scope = scope
        self.name = name
        self.description = description
        self.type = type
        self.provider = provider
        self.sealedData = sealedData
        self.metadata = metadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Where sealed credentials persist; the vault seals and opens, the repository only stores envelopes.
public protocol CredentialRepository: Sendable {
    /// Stores a new credential.
    func insert(_ credential: SealedCredential) async throws
    /// Credentials of an organization (nil: the platform's) in one scope, oldest first.
    func credentials(organizationID: String?, scope: CredentialScope) async throws -> [SealedCredential]
    /// One credential of the organization (nil: the platform's), or nil.
    func credential(id: String, organizationID: String?) async throws -> SealedCredential?
    /// Deletes a credential; false when it does not exist for this organization.
    func delete(id: String, organizationID: String?) async throws -> Bool
}
