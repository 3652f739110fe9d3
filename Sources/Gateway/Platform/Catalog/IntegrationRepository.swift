import JSONSchema

/// Where the definitions organizations registered (seed 001, `/register`) persist.
public protocol IntegrationRepository: Sendable {
    /// The organization's registered definitions, oldest first.
    func definitions(organizationID: String) async throws -> [JSONValue]
    /// Stores a definition under its key; throws `DuplicateRecord` when the organization already has that key.
    func insert(_ definition: JSONValue, key: String, organizationID: String, at: String) async throws
}
