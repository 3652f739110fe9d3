import Foundation

/// A JSON value inside a JWT claims set or header (RFC 7519 §2, RFC 8259 §3).
public enum JWTClaimValue: Sendable, Hashable {
    /// A JSON string.
    case string(String)
    /// A number written without a fraction or exponent that fits in 64 bits.
    case int(Int64)
    /// Any other number; a whole `.double` is written without a fraction, so it reads back as `.int`.
    case double(Double)
    /// JSON `true` or `false`.
    case bool(Bool)
    /// A JSON array.
    case array([JWTClaimValue])
    /// A JSON object; when a name repeats in the input, the first occurrence is kept.
    case object([String: JWTClaimValue])
    /// JSON `null`.
    case null

    /// The text of a `.string`, else `nil`.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The value of an `.int` or `.double` as a `Double`, as a NumericDate is read (RFC 7519 §2), else `nil`.
    public var numberValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value of a `.bool`, else `nil`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }
}

/// JSON coding for claim values (RFC 8259 §3), integers kept apart from other numbers.
extension JWTClaimValue: Codable {
    /// Reads any JSON value, trying null, booleans, integers, other numbers, strings, arrays and objects in turn.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JWTClaimValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JWTClaimValue].self))
        }
    }

    /// Writes the value as JSON; a non-finite `.double` makes the encoder throw (RFC 8259 §6 has no NaN).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// Literal syntax for building claims: `["role": "admin", "level": 3, "beta": true]`.
extension JWTClaimValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A `.string` from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An `.int` from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A `.double` from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A `.bool` from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An `.array` from a literal.
    public init(arrayLiteral elements: JWTClaimValue...) { self = .array(elements) }
    /// An `.object` from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JWTClaimValue)...) {
        self = .object(Dictionary(elements) { _, last in last })
    }
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}
