import JSONSchema
import Store

/// `CredentialRepository` over the `credentials` table.
struct SQLiteCredentialRepository: CredentialRepository {
    let database: Database

    func insert(_ credential: SealedCredential) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO credentials (id, org_id, scope, name, description, type, provider, sealed_data, metadata,
                                         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(credential.id), SQLValue(credential.organizationID), .text(credential.scope.rawValue),
                      .text(credential.name), SQLValue(credential.description), .text(credential.type),
                      .text(credential.provider), .text(credential.sealedData), .text(credential.metadata.serialized()),
                      .text(credential.createdAt), .text(credential.updatedAt)])
        }
    }

    func credentials(organizationID: String?, scope: CredentialScope) async throws -> [SealedCredential] {
        try await database.read { connection in
            try connection.query("SELECT * FROM credentials WHERE org_id IS ? AND scope = ? ORDER BY created_at",
                                 [SQLValue(organizationID), .text(scope.rawValue)]).map(Self.credential)
        }
    }

    func credential(id: String, organizationID: String?) async throws -> SealedCredential? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM credentials WHERE id = ? AND org_id IS ?",
                                    [.text(id), SQLValue(organizationID)]).map(Self.credential)
        }
    }

    func delete(id: String, organizationID: String?) async throws -> Bool {
        try await database.write { connection in
            try connection.execute("DELETE FROM credentials WHERE id = ? AND org_id IS ?", [.text(id), SQLValue(organizationID)]) > 0
        }
    }

    private static func credential(_ row: Row) throws -> SealedCredential {
        SealedCredential(
            id: try row.require("id"), organizationID: try row.string("org_id"),
            scope: CredentialScope(rawValue: try row.require("scope")) ?? .tenant, name: try row.require("name"),
            description: try row.string("description"), type: try row.require("type"),
            provider: try row.require("provider"), sealedData: try row.require("sealed_data"),
            metadata: (try? JSONValue(parsing: try row.require("metadata", as: String.self))) ?? .object([:]),
            createdAt: try row.require("created_at"), updatedAt: try row.require("updated_at"))
    }
}
