import JSONSchema
import Store

extension SQLiteIdentityStore {
    static func organization(_ row: Row) throws -> Organization {
        Organization(id: try row.require("id"), slug: try row.require("slug"), name: try row.require("name"),
                     createdAt: try row.require("created_at"))
    }

    static func project(_ row: Row) throws -> Project {
        Project(id: try row.require("id"), organizationID: try row.require("org_id"), name: try row.require("name"),
                createdAt: try row.require("created_at"))
    }

    static func member(_ row: Row) throws -> Member {
        Member(id: try row.require("id"), organizationID: try row.require("org_id"), email: try row.require("email"),
               name: try row.require("name"), role: Role(rawValue: try row.require("role")) ?? .viewer,
               createdAt: try row.require("created_at"))
    }

    static func apiKey(_ row: Row) throws -> APIKeyRecord {
        let scopes = try JSONValue(parsing: try row.require("scopes", as: String.self)).arrayValue?
            .compactMap(\.stringValue) ?? []
        return APIKeyRecord(
            id: try row.require("id"), organizationID: try row.require("org_id"), projectID: try row.string("project_id"),
            name: try row.require("name"), role: Role(rawValue: try row.require("role")) ?? .viewer, scopes: scopes,
            rateLimit: try row.int("rate_limit"), createdAt: try row.require("created_at"),
            lastUsedAt: try row.string("last_used_at"), revokedAt: try row.string("revoked_at"))
    }
}
