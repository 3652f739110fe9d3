import Crypto
import Foundation
import JSONSchema
import Store

/// `IdentityStore` over the platform's SQLite tables.
public final class SQLiteIdentityStore: IdentityStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func createOrganization(slug: String, name: String) async throws -> Organization {
        try Validation.slug(slug, field: "slug")
        let organization = Organization(id: "org_" + SecureRandom.hexToken(bytes: 8), slug: slug, name: name,
                                        createdAt: Timestamp.now())
        do {
            try await database.write { connection in
                try connection.execute("INSERT INTO organizations (id, slug, name, created_at) VALUES (?, ?, ?, ?)",
                                       [.text(organization.id), .text(slug), .text(name), .text(organization.createdAt)])
            }
        } catch let error as StoreError where error.isUniqueViolation {
            throw PlatformError.conflict("an organization with slug '\(slug)' already exists")
        }
        return organization
    }

    public func organizations() async throws -> [Organization] {
        try await database.read { connection in
            try connection.query("SELECT * FROM organizations ORDER BY created_at, slug").map(Self.organization)
        }
    }

    public func organization(_ idOrSlug: String) async throws -> Organization? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM organizations WHERE id = ? OR slug = ?",
                                    [.text(idOrSlug), .text(idOrSlug)]).map(Self.organization)
        }
    }

    public func createProject(organizationID: String, name: String) async throws -> Project {
        let project = Project(id: makeUUIDString(), organizationID: organizationID, name: name, createdAt: Timestamp.now())
        try await database.write { connection in
            try connection.execute("INSERT INTO projects (id, org_id, name, created_at) VALUES (?, ?, ?, ?)",
                                   [.text(project.id), .text(organizationID), .text(name), .text(project.createdAt)])
        }
        return project
    }

    public func projects(organizationID: String) async throws -> [Project] {
        try await database.read { connection in
            try connection.query("SELECT * FROM projects WHERE org_id = ? ORDER BY created_at",
                                 [.text(organizationID)]).map(Self.project)
        }
    }

    public func project(id: String, organizationID: String) async throws -> Project? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM projects WHERE id = ? AND org_id = ?",
                                    [.text(id), .text(organizationID)]).map(Self.project)
        }
    }

    public func createMember(organizationID: String, email: String, name: String, role: Role) async throws -> Member {
        try Validation.email(email, field: "email")
        let member = Member(id: "mem_" + SecureRandom.hexToken(bytes: 8), organizationID: organizationID, email: email,
                            name: name, role: role, createdAt: Timestamp.now())
        do {
            try await database.write { connection in
                try connection.execute(
                    "INSERT INTO members (id, org_id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [.text(member.id), .text(organizationID), .text(email), .text(name), .text(role.rawValue),
                     .text(member.createdAt)])
            }
        } catch let error as StoreError where error.isUniqueViolation {
            throw PlatformError.conflict("a member with email '\(email)' already exists in this organization")
        }
        return member
    }

    public func members(organizationID: String) async throws -> [Member] {
        try await database.read { connection in
            try connection.query("SELECT * FROM members WHERE org_id = ? ORDER BY created_at",
                                 [.text(organizationID)]).map(Self.member)
        }
    }

    public func member(id: String, organizationID: String) async throws -> Member? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM members WHERE id = ? AND org_id = ?",
                                    [.text(id), .text(organizationID)]).map(Self.member)
        }
    }

    public func createAPIKey(
        organizationID: String, projectID: String?, name: String, role: Role, scopes: [String], rateLimit: Int?
    ) async throws -> (APIKeyRecord, APIKeySecret) {
        if let rateLimit, rateLimit < 1 { throw PlatformError.invalid("rateLimit must be at least 1") }
        let secret = APIKeySecret.generate()
        let record = APIKeyRecord(id: secret.id, organizationID: organizationID, projectID: projectID, name: name,
                                  role: role, scopes: scopes, rateLimit: rateLimit, createdAt: Timestamp.now())
        let scopesText = JSONValue.array(scopes.map { .string($0) }).serialized()
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO api_keys (id, org_id, project_id, name, secret_hash, role, scopes, rate_limit, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(record.id), .text(organizationID), SQLValue(projectID), .text(name), .text(secret.secretHash),
                      .text(role.rawValue), .text(scopesText), SQLValue(rateLimit.map(Int64.init)), .text(record.createdAt)])
        }
        return (record, secret)
    }

    public func apiKeys(organizationID: String) async throws -> [APIKeyRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM api_keys WHERE org_id = ? ORDER BY created_at",
                                 [.text(organizationID)]).map(Self.apiKey)
        }
    }

    public func revokeAPIKey(id: String, organizationID: String) async throws -> Bool {
        try await database.write { connection in
            try connection.execute(
                "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND org_id = ?",
                [.text(Timestamp.now()), .text(id), .text(organizationID)]) > 0
        }
    }

    public func authenticate(_ secret: APIKeySecret) async throws -> APIKeyRecord? {
        let found: (APIKeyRecord, String)? = try await database.read { connection in
            guard let row = try connection.queryOne("SELECT * FROM api_keys WHERE id = ?", [.text(secret.id)]) else {
                return nil
            }
            return (try Self.apiKey(row), try row.require("secret_hash", as: String.self))
        }
        guard let (record, storedHash) = found, record.revokedAt == nil,
              constantTimeEquals(Array(storedHash.utf8), Array(secret.secretHash.utf8)) else { return nil }
        try await touch(record)
        return record
    }

    /// Records a key's use, at most once a minute per key, so authentication stays a read on the hot path.
    private func touch(_ record: APIKeyRecord) async throws {
        let now = Date()
        if let last = record.lastUsedAt.flatMap(Timestamp.date(from:)), now.timeIntervalSince(last) < 60 { return }
        try await database.write { connection in
            try connection.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?",
                                   [.text(Timestamp.string(from: now)), .text(record.id)])
        }
    }

    public func createAdminToken(name: String) async throws -> String {
        let token = "sbadmin_" + SecureRandom.hexToken(bytes: 32)
        try await database.write { connection in
            try connection.execute("INSERT INTO admin_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                                   [.text(makeUUIDString()), .text(name), .text(APIKeySecret.hash(token)),
                                    .text(Timestamp.now())])
        }
        return token
    }

    public func verifyAdminToken(_ token: String) async throws -> Bool {
        let hash = APIKeySecret.hash(token)
        let hashes: [String] = try await database.read { connection in
            try connection.query("SELECT token_hash FROM admin_tokens WHERE revoked_at IS NULL").map {
                try $0.require("token_hash", as: String.self)
            }
        }
        return hashes.contains { constantTimeEquals(Array($0.utf8), Array(hash.utf8)) }
    }

    public func setting(_ name: String) async throws -> String? {
        try await database.read { connection in
            try connection.queryOne("SELECT value FROM settings WHERE name = ?", [.text(name)])?.string("value")
        }
    }

    public func setSetting(_ name: String, value: String) async throws {
        try await database.write { connection in
            try connection.execute("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                                   [.text(name), .text(value)])
        }
    }
}
