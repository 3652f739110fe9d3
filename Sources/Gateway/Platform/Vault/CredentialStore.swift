import Crypto
import JSONSchema

/// A credential as lists and gets return it: everything but the secret data (only its field names).
public struct CredentialSummary: Sendable, Equatable {
    public var id: String
    public var organizationID: String?
    public var scope: CredentialScope
    public var name: String
    public var description: String?
    public var type: String
    public var provider: String
    /// The names of the secret fields, never their values.
    public var fields: [String]
    public var metadata: JSONValue
    public var createdAt: String
    public var updatedAt: String
}

/// Whose credential it is: a tenant's own (seed 002), a tenant's key for a proxied service (seed 000),
/// or the platform's key for a service (seed 000's platform key).
public enum CredentialScope: String, Sendable {
    case tenant, service, platform
}

/// Sealed credentials: the vault seals on the way in, the repository keeps envelopes; secrets only leave through
/// `secrets(…)` for upstream calls.
public final class CredentialStore: Sendable {
    let repository: any CredentialRepository
    let vault: Vault

    public init(repository: any CredentialRepository, vault: Vault) {
        self.repository = repository
        self.vault = vault
    }

    /// Stores a new credential and returns its summary.
    public func create(
        organizationID: String?, scope: CredentialScope, name: String, description: String?, type: String,
        provider: String, data: JSONValue, metadata: JSONValue = .object([:])
    ) async throws -> CredentialSummary {
        let id = "cred_" + SecureRandom.hexToken(bytes: 10)
        let sealed = try vault.seal(data, for: id)
        let now = Timestamp.now()
        try await repository.insert(SealedCredential(
            id: id, organizationID: organizationID, scope: scope, name: name, description: description, type: type,
            provider: provider, sealedData: sealed, metadata: metadata, createdAt: now, updatedAt: now))
        return CredentialSummary(id: id, organizationID: organizationID, scope: scope, name: name,
                                 description: description, type: type, provider: provider,
                                 fields: data.objectValue?.keys.map { $0 } ?? [], metadata: metadata,
                                 createdAt: now, updatedAt: now)
    }

    /// Sets the one service or platform credential for a provider, replacing an earlier one.
    public func put(organizationID: String?, scope: CredentialScope, provider: String, data: JSONValue)
        async throws -> CredentialSummary {
        if let existing = try await find(organizationID: organizationID, scope: scope, provider: provider) {
            _ = try await delete(id: existing.id, organizationID: organizationID)
        }
        return try await create(organizationID: organizationID, scope: scope, name: provider, description: nil,
                                type: "api_key", provider: provider, data: data)
    }

    /// Credentials of an organization in one scope (platform scope: organizationID nil).
    public func list(organizationID: String?, scope: CredentialScope) async throws -> [CredentialSummary] {
        try await repository.credentials(organizationID: organizationID, scope: scope).map(summary)
    }

    /// One credential of the organization, or nil (another tenant's id is simply not found).
    public func get(id: String, organizationID: String?) async throws -> CredentialSummary? {
        try await repository.credential(id: id, organizationID: organizationID).map(summary)
    }

    /// The service or platform credential for a provider, or nil.
    public func find(organizationID: String?, scope: CredentialScope, provider: String) async throws
        -> CredentialSummary? {
        try await list(organizationID: organizationID, scope: scope).first { $0.provider == provider }
    }

    /// Deletes a credential; false when it does not exist for this organization.
    public func delete(id: String, organizationID: String?) async throws -> Bool {
        try await repository.delete(id: id, organizationID: organizationID)
    }

    /// The decrypted secret fields, for injecting into an upstream call. Never put these in a response.
    public func secrets(id: String, organizationID: String?) async throws -> JSONValue? {
        guard let credential = try await repository.credential(id: id, organizationID: organizationID) else { return nil }
        return try vault.open(credential.sealedData, for: id)
    }

    private func summary(_ credential: SealedCredential) throws -> CredentialSummary {
        let fields = try vault.open(credential.sealedData, for: credential.id).objectValue?.keys.map { $0 } ?? []
        return CredentialSummary(
            id: credential.id, organizationID: credential.organizationID, scope: credential.scope, name: credential.name,
            description: credential.description, type: credential.type, provider: credential.provider, fields: fields,
            metadata: credential.metadata, createdAt: credential.createdAt, updatedAt: credential.updatedAt)
    }
}
