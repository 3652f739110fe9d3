/// A key for a typed value that middleware attaches to a request (the authenticated caller, say).
public protocol RequestAttributeKey {
    associatedtype Value: Sendable
}

/// Typed values attached to a request as it passes through middleware.
///
/// The first value is kept inline, so a request with one attribute (the authenticated caller) allocates nothing.
public struct RequestAttributes: Sendable {
    @usableFromInline var first: (key: ObjectIdentifier, value: any Sendable)?
    @usableFromInline var others: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The value stored under the key type, or nil. Inlinable, so callers get it specialized for their key.
    @inlinable
    public subscript<Key: RequestAttributeKey>(_ key: Key.Type) -> Key.Value? {
        get {
            let id = ObjectIdentifier(key)
            if let first, first.key == id { return first.value as? Key.Value }
            return others[id] as? Key.Value
        }
        set {
            let id = ObjectIdentifier(key)
            if first == nil || first?.key == id {
                first = newValue.map { (id, $0) }
                if !others.isEmpty { others[id] = nil }
            } else {
                others[id] = newValue
            }
        }
    }
}
