import JSONSchema

/// One checked edit of a catalog field (seed 000's documented field names).
struct ProxyCatalogChange: Sendable {
    /// A field's new value, typed.
    enum Value: Sendable, Equatable {
        case text(String)
        case flag(Bool)
        case integer(Int)
        case json(JSONValue)
    }

    /// The field's documented name (`credential_policy` members by their own names).
    let field: String
    let value: Value
}

/// Where seed 000's service catalog persists.
protocol ProxyCatalogRepository: Sendable {
    /// Every service with its endpoints, in catalog order.
    func services() async throws -> [ProxyService]
    /// Applies checked changes to a service.
    func updateService(_ slug: String, changes: [ProxyCatalogChange]) async throws
    /// Applies checked changes to one endpoint of a service.
    func updateEndpoint(service: String, slug: String, changes: [ProxyCatalogChange]) async throws
}
