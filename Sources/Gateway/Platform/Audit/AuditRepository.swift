import JSONSchema

/// Where audit entries persist, append-only.
public protocol AuditRepository: Sendable {
    /// Appends an entry; the repository numbers it after every earlier one.
    func append(at: String, actor: String, action: String, organizationID: String?, target: String?,
                detail: JSONValue) async throws
    /// At most `limit` entries, newest first, of one organization or (nil) of all.
    func entries(organizationID: String?, limit: Int) async throws -> [AuditEntry]
}
