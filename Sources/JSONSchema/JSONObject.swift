/// A JSON object that keeps its members in insertion order (RFC 8259 §4).
///
/// Lookup is linear for small objects and hashed for larger ones. Keys are unique: setting an existing key
/// replaces its value in place. Equality ignores order, as JSON Schema's `const`, `enum` and `uniqueItems`
/// require (draft-07 validation §4.2.2).
public struct JSONObject: Sendable {
    /// The keys, in order.
    public private(set) var keys: [String]
    /// The values, in the order of `keys`.
    public private(set) var values: [JSONValue]
    /// Key positions, built once the object outgrows a linear scan.
    private var positions: [ExactString: Int]?

    private static let indexThreshold = 12

    /// Creates an empty object.
    public init() {
        keys = []
        values = []
        positions = nil
    }

    /// Creates an object from key-value pairs in order; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSONValue) {
        self.init()
        for (key, value) in pairs {
            updateValue(value, forKey: key)
        }
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, if present; keys match code point by code point (RFC 8259 §8.3).
    public func index(forKey key: String) -> Int? {
        if let positions { return positions[ExactString(key)] }
        return keys.firstIndex { $0.isIdentical(to: key) }
    }

    /// The value for `key`; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            index(forKey: key).map { values[$0] }
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets the value for `key`, keeping the key's position when it exists; returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = index(forKey: key) {
            let old = values[position]
            values[position] = value
            return old
        }
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions?[ExactString(key)] = keys.count - 1
        } else if keys.count > JSONObject.indexThreshold {
            rebuildPositions()
        }
        return nil
    }

    /// Removes the member for `key`, keeping the order of the others; returns the removed value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = index(forKey: key) else { return nil }
        keys.remove(at: position)
        let old = values.remove(at: position)
        if positions != nil { rebuildPositions() }
        return old
    }

    private mutating func rebuildPositions() {
        guard keys.count > JSONObject.indexThreshold else {
            positions = nil
            return
        }
        var table = [ExactString: Int](minimumCapacity: keys.count)
        for (position, key) in keys.enumerated() {
            table[ExactString(key)] = position
        }
        positions = table
    }
}

extension JSONObject: RandomAccessCollection {
    /// A member: its key and value.
    public typealias Element = (key: String, value: JSONValue)

    /// The position of the first member.
    public var startIndex: Int { 0 }

    /// The position after the last member.
    public var endIndex: Int { keys.count }

    /// The member at `position`.
    public subscript(position: Int) -> Element {
        (keys[position], values[position])
    }
}

extension JSONObject: Hashable {
    /// Compares members regardless of order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys.elementsEqual(rhs.keys, by: { $0.isIdentical(to: $1) }) { return lhs.values == rhs.values }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    /// Hashes members regardless of order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in self {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            combined = combined &+ member.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
