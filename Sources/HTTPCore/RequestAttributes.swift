/// A key for a typed value that middleware attaches to a request (the authenticated caller, say).
public protocol RequestAttributeKey {
    associatedtype Value: Sendable
}

/// Typed values attached to a request as it passes through middleware.
public struct RequestAttributes: Sendable {
    private var storage: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The value stored under the key type, or nil.
    public subscript<Key: RequestAttributeKey>(_ key: Key.Type) -> Key.Value? {
        get { storage[ObjectIdentifier(key)] as? Key.Value }
        set { storage[ObjectIdentifier(key)] = newValue }
    }
}
