/// What a repository throws when a record's unique key is already taken; each service turns it into its own 409.
public struct DuplicateRecord: Error, Sendable, Equatable {
    public init() {}
}
