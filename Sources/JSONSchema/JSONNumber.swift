/// A JSON number that keeps its exact value (RFC 8259 §6).
///
/// Integers that fit in `Int64` are stored as such; any other literal read by the parser is kept as its
/// original text, so `9007199254740993`, `1.10` and `-0` print back exactly as they were written.
/// Equality, hashing and ordering use the mathematical value: `1`, `1.0` and `10e-1` are equal, which is
/// what JSON Schema draft-07 requires (§4.2.2 of the validation spec: 1.0 is an integer).
public struct JSONNumber: Sendable {
    enum Storage: Sendable {
        /// An integer literal, or an integer given in code.
        case integer(Int64)
        /// A `Double` given in code.
        case double(Double)
        /// A literal from JSON text that is not a plain `Int64`; always matches the RFC 8259 §6 grammar.
        case literal(String)
    }

    let storage: Storage

    /// Creates a number from an integer.
    public init(_ value: Int) {
        storage = .integer(Int64(value))
    }

    /// Creates a number from a 64-bit integer.
    public init(_ value: Int64) {
        storage = .integer(value)
    }

    /// Creates a number from a double; non-finite values have no JSON form and serialize as `null`.
    public init(_ value: Double) {
        storage = .double(value)
    }

    /// Creates a number from JSON number text (RFC 8259 §6 grammar), or `nil` when the text is not one.
    public init?(literal: String) {
        guard let first = literal.utf8.first, let last = literal.utf8.last,
              first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last),
              case .number(let number)? = try? JSONValue(parsing: literal)
        else { return nil }
        self = number
    }

    /// Creates a number from text already checked against the grammar.
    init(validatedLiteral text: String) {
        if let integer = JSONNumber.plainInteger(text) {
            storage = .integer(integer)
        } else {
            storage = .literal(text)
        }
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// The value as a `Double`, rounded to the nearest one (or ±infinity when out of range).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        case .literal(let text): return Double(text) ?? .nan
        }
    }

    /// The value as an `Int64` when it is an integer that fits, exactly; otherwise `nil`.
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) <= JSONNumber.exactDoubleLimit:
            return Int64(value)
        default: return decimal.int64Value
        }
    }

    /// The value as an `Int` when it is an integer that fits, exactly; otherwise `nil`.
    public var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    /// Whether the value is a mathematical integer, so `1.0` and `1e3` are integers (draft-07 validation §6.1.1).
    public var isInteger: Bool {
        switch storage {
        case .integer: return true
        case .double(let value): return value.isFinite && value.rounded() == value
        case .literal: return decimal.isInteger
        }
    }

    /// Integers up to 2^53 convert between `Int64` and `Double` without loss.
    static let exactDoubleLimit: Double = 9_007_199_254_740_992

    /// Reads text as an `Int64` when it is a plain integer literal (no fraction, no exponent, not `-0`).
    static func plainInteger(_ text: String) -> Int64? {
        guard text != "-0", !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        return Int64(text)
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The number as JSON text: literals as written, integers without a fraction, non-finite values as `null`.
    public var description: String {
        switch storage {
        case .integer(let value):
            return String(value)
        case .literal(let text):
            return text
        case .double(let value):
            return JSONNumber.text(for: value)
        }
    }

    /// JSON text for a double: integral values print without `.0`, others in Swift's shortest round-trip form.
    static func text(for value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value && abs(value) < 1e17 {
            if value == 0 { return value.sign == .minus ? "-0" : "0" }
            return String(Int64(value))
        }
        return value.description
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// Creates a number from an integer literal.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }

    /// Creates a number from a floating-point literal.
    public init(floatLiteral value: Double) {
        self.init(value)
    }
}
