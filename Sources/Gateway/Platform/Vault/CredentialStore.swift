import Crypto
import JSONSchema
import Store

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

/// Sealed credentials in the `credentials` table; secrets only leave through `secrets(…)` for upstream calls.
public final class CredentialStore: Sendable {
    let database: Database
    let vault: Vault

    public init(database: Database, vault: Vault) {
        self.database = database
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
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO credentials (id, org_id, scope, name, description, type, provider, sealed_data, metadata,
                                         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(id), SQLValue(organizationID), .text(scope.rawValue), .text(name), SQLValue(description),
                      .text(type), .text(provider), .text(sealed), .text(metadata.serialized()), .text(now), .text(now)])
        }
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
        let rows: [Row] = try await database.read { connection in
            try connection.query("SELECT * FROM credentials WHERE org_id IS ? AND scope = ? ORDER BY created_at",
                                 [SQLValue(organizationID), .text(scope.rawValue)])
        }
        return try rows.map(summary)
    }

    /// One credential of the organization, or nil (another tenant's id is simply not found).
    public func get(id: String, organizationID: String?) async throws -> CredentialSummary? {
        try await row(id: id, organizationID: organizationID).map(summary)
    }

    /// The service or platform credential for a provider, or nil.
    public func find(organizationID: String?, scope: CredentialScope, provider: String) async throws
        -> CredentialSummary? {
        try await list(organizationID: organizationID, scope: scope).first { $0.provider == provider }
    }

    /// Deletes a credential; false when it does not exist for this organization.
    public func delete(id: String, organizationID: String?) async throws -> Bool {
        try await database.write { connection in
            try connection.execute("DELETE FROM credentials WHERE id = ? AND org_id IS ?", [.text(id), SQLValue(organizationID)]) > 0
        }
    }

    /// The decrypted secret fields, for injecting into an upstream call. Never put these in a response.
    public func secrets(id: String, organizationID: String?) async throws -> JSONValue? {
        guard let row = try await row(id: id, organizationID: organizationID) else { return nil }
        return try vault.open(try row.require("sealed_data"), for: id)
    }

    private func row(id: String, organizationID: String?) async throws -> Row? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM credentials WHERE id = ? AND org_id IS ?", [.text(id), SQLValue(organizationID)])
        }
    }

    private func summary(_ row: Row) throws -> CredentialSummary {
        let id: String = try row.require("id")
        let fields = try vault.open(try row.require("sealed_data"), for: id).objectValue?.keys.map { $0 } ?? []
        return CredentialSummary(
            id: id, organizationID: try row.string("org_id"),
            scope: CredentialScope(rawValue: try row.require("scope")) ?? .tenant, name: try row.require("name"),
            description: try row.string("description"), type: try row.require("type"),
            provider: try row.require("provider"), fields: fields,
            metadata: (try? JSONValue(parsing: try row.require("metadata", as: String.self))) ?? .object([:]),
            createdAt: try row.require("created_at"), updatedAt: try row.require("updated_at"))
    }
}
