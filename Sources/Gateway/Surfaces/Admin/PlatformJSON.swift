import JSONSchema

extension Organization {
    var json: JSONValue { ["id": .string(id), "slug": .string(slug), "name": .string(name), "createdAt": .string(createdAt)] }
}

extension Project {
    var json: JSONValue {
        ["id": .string(id), "organizationId": .string(organizationID), "name": .string(name), "createdAt": .string(createdAt)]
    }
}

extension Member {
    var json: JSONValue {
        ["id": .string(id), "organizationId": .string(organizationID), "email": .string(email), "name": .string(name),
         "role": .string(role.rawValue), "createdAt": .string(createdAt)]
    }
}

extension APIKeyRecord {
    /// The key without any secret: id, name, role, scopes, limit, timestamps.
    var json: JSONValue {
        ["id": .string(id), "organizationId": .string(organizationID), "projectId": projectID.map(JSONValue.string) ?? nil,
         "name": .string(name), "role": .string(role.rawValue), "scopes": .array(scopes.map(JSONValue.string)),
         "rateLimit": rateLimit.map { .number(JSONNumber($0)) } ?? nil, "createdAt": .string(createdAt),
         "lastUsedAt": lastUsedAt.map(JSONValue.string) ?? nil, "revokedAt": revokedAt.map(JSONValue.string) ?? nil]
    }
}

extension CredentialSummary {
    /// The sanitized credential: field names only, never values.
    var json: JSONValue {
        ["id": .string(id), "name": .string(name), "description": description.map(JSONValue.string) ?? nil,
         "type": .string(type), "provider": .string(provider), "scope": .string(scope.rawValue),
         "fields": .array(fields.map(JSONValue.string)), "configured": true, "metadata": metadata,
         "createdAt": .string(createdAt), "updatedAt": .string(updatedAt)]
    }
}

extension AuditEntry {
    var json: JSONValue {
        ["id": .number(JSONNumber(id)), "at": .string(at), "actor": .string(actor), "action": .string(action),
         "organizationId": organizationID.map(JSONValue.string) ?? nil, "target": target.map(JSONValue.string) ?? nil,
         "detail": detail]
    }
}
