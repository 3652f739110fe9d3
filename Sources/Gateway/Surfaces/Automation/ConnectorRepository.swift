import JSONSchema

/// A connector instance (seed 002) as it persists.
struct ConnectorRecord: Sendable, Equatable {
    var id: String
    var organizationID: String
    var name: String
    /// The built-in integration it connects to ("slack", "stripe", …).
    var type: String
    var credentialID: String?
    /// Defaults for its actions' input, e.g. `{"defaultChannel": "#general"}`.
    var config: JSONValue
    var createdAt: String
}

/// Where connector instances persist, scoped to an organization.
protocol ConnectorRepository: Sendable {
    /// Stores a new connector.
    func insert(_ connector: ConnectorRecord) async throws
    /// One connector of the organization, or nil.
    func connector(id: String, organizationID: String) async throws -> ConnectorRecord?
    /// A page of the organization's connectors, oldest first, and how many it has in all.
    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([ConnectorRecord], total: Int)
    /// Deletes a connector; false when the organization has no such connector.
    func delete(id: String, organizationID: String) async throws -> Bool
}
