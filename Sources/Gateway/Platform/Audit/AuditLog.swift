import JSONSchema

/// One audited admin action.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var organizationID: String?
    public var target: String?
    /// What changed, never secret values.
    public var detail: JSONValue

    public init(id: Int64, at: String, actor: String, action: String, organizationID: String?, target: String?,
                detail: JSONValue) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.organizationID = organizationID
        self.target = target
        self.detail = detail
    }
}

/// An append-only record of admin actions (who did what to which organization).
public final class AuditLog: Sendable {
    let repository: any AuditRepository

    public init(repository: any AuditRepository) {
        self.repository = repository
    }

    /// Appends an entry. Callers pass identifiers and field names only, never secrets.
    public func record(actor: String, action: String, organizationID: String? = nil, target: String? = nil,
                       detail: JSONValue = .object([:])) async throws {
        try await repository.append(at: Timestamp.now(), actor: actor, action: action, organizationID: organizationID,
                                    target: target, detail: detail)
    }

    /// Entries, newest first, optionally for one organization.
    public func entries(organizationID: String? = nil, limit: Int = 100) async throws -> [AuditEntry] {
        try await repository.entries(organizationID: organizationID, limit: limit)
    }
}
