import JSONSchema

/// A webhook subscription (seed 002) as it persists: its signing secret sealed by the vault.
struct WebhookRecord: Sendable, Equatable {
    var id: String
    var organizationID: String
    var name: String
    var url: String
    /// The event names, a JSON array of strings.
    var events: JSONValue
    /// Custom headers, a JSON object of strings.
    var headers: JSONValue
    /// `{"maxAttempts", "backoffMs"}`.
    var retryPolicy: JSONValue
    /// The vault's envelope of the secret (a sealed setting named `webhook:<id>`).
    var sealedSecret: String
    var isActive: Bool
    var createdAt: String
}

/// Where webhook subscriptions persist, scoped to an organization.
protocol WebhookRepository: Sendable {
    /// Stores a new webhook.
    func insert(_ webhook: WebhookRecord) async throws
    /// One webhook of the organization, or nil.
    func webhook(id: String, organizationID: String) async throws -> WebhookRecord?
    /// A page of the organization's webhooks, oldest first, and how many it has in all.
    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([WebhookRecord], total: Int)
    /// The organization's active webhooks.
    func active(organizationID: String) async throws -> [WebhookRecord]
    /// Deletes a webhook; false when the organization has no such webhook.
    func delete(id: String, organizationID: String) async throws -> Bool
}
