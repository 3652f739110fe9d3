/// What a sealed value belongs to, which decides the data its envelope is bound to.
public enum SealedValueOwner: Sendable, Hashable {
    /// A credential's secret data, bound to the credential id.
    case credential(id: String)
    /// A sealed setting (the JWT signing key, say), bound to the setting's name.
    case setting(name: String)
    /// Another value sealed with `Vault.seal(_:for:)` (an agent's API config, an MCP server's headers), bound to
    /// the id it was sealed for.
    case value(boundTo: String)
}

/// Every sealed value the store holds (credentials, settings, agents' API configs, webhook secrets, MCP server
/// headers), for re-sealing them all under a new master key.
public protocol SealedValueRepository: Sendable {
    /// Offers each sealed value to `reseal` and stores what it
    /// returns, all in one transaction; nil leaves a value as it is. Returns how many values changed.
    func resealAll(_ reseal: @escaping @Sendable (_ envelope: String, _ owner: SealedValueOwner) throws -> String?)
        async throws -> Int
}
