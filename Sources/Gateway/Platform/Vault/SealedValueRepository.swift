/// What a sealed value belongs to, which decides the data its envelope is bound to.
public enum SealedValueOwner: Sendable, Hashable {
    /// A credential's secret data, bound to the credential id.
    case credential(id: String)
    /// A sealed setting (the JWT signing key, say), bound to the setting's name.
    case setting(name: String)
}

/// Every sealed credential and setting, for re-sealing them all under a new master key.
public protocol SealedValueRepository: Sendable {
    /// Offers each sealed credential and sealed setting (values that are envelopes) to `reseal` and stores what it
    /// returns, all in one transaction; nil leaves a value as it is. Returns how many values changed.
    func resealAll(_ reseal: @escaping @Sendable (_ envelope: String, _ owner: SealedValueOwner) throws -> String?)
        async throws -> Int
}
