import JSONSchema

/// An external MCP server as it persists: its tools as listed at registration, its headers sealed by the vault.
struct SealedMCPServer: Sendable, Equatable {
    var key: String
    var name: String
    var url: String
    var tools: [JSONValue]
    /// The vault's envelope of the headers object (bound to `mcp:<org>:<key>`), or nil when there are none.
    var sealedHeaders: String?
}

/// Where the external MCP servers organizations registered persist.
protocol MCPServerRepository: Sendable {
    /// The organization's servers, by key.
    func servers(organizationID: String) async throws -> [SealedMCPServer]
    /// Stores a server; throws `DuplicateRecord` when the organization already has one with that key.
    func insert(_ server: SealedMCPServer, organizationID: String, at: String) async throws
}
