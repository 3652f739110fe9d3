/// A JSON value (RFC 8259 §3): the one JSON type used across Switchboard.
///
/// Numbers keep their exact value (see `JSONNumber`), objects keep their key order (see `JSONObject`).
/// Equality is structural, with numbers compared by value and objects compared regardless of key order.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, exact as written.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, in insertion order.
    case object(JSONObject)
}

extension JSONValue {
    /// Structural equality (draft-07 validation §4.2.2): numbers by value, strings code point by code point,
    /// objects regardless of key order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.number(let left), .number(let right)): return left == right
        case (.string(let left), .string(let right)): return left.isIdentical(to: right)
        case (.array(let left), .array(let right)): return left == right
        case (.object(let left), .object(let right)): return left == right
        default: return false
        }
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .number(let number): hasher.combine(2); hasher.combine(number)
        case .string(let text): hasher.combine(3); hasher.combine(text)
        case .array(let elements): hasher.combine(4); hasher.combine(elements)
        case .object(let members): hasher.combine(5); hasher.combine(members)
        }
    }

    /// Creates a number value from an integer.
    public static func number(_ value: Int) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// Creates a number value from a double.
    public static func number(_ value: Double) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// The JSON type name of the value, as JSON Schema spells it (draft-07 validation §6.1.1).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return number.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    /// Creates `null` from `nil`.
    public init(nilLiteral: ()) {
        self = .null
    }

    /// Creates a boolean from a literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// Creates a number from an integer literal.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(value))
    }

    /// Creates a number from a floating-point literal.
    public init(floatLiteral value: Double) {
        self = .number(JSONNumber(value))
    }

    /// Creates a string from a literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Creates an array from a literal.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// Creates an object from a literal, keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
