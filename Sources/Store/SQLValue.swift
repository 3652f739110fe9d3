import Foundation

/// One SQLite value: the five storage classes of https://sqlite.org/datatype3.html.
public enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer (also how booleans are stored: 0 or 1).
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// Wraps an optional convertible value, mapping `nil` to `.null`.
    public init<T: SQLValueConvertible>(_ value: T?) {
        self = value?.sqlValue ?? .null
    }

    /// Wraps `Data` as a blob.
    public static func data(_ data: Data) -> SQLValue {
        .blob([UInt8](data))
    }

    /// Whether the value is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class name SQLite uses ("null", "integer", "real", "text", "blob"), never the value itself.
    public var storageClass: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}

extension SQLValue: ExpressibleByNilLiteral {
    /// `nil` is SQL NULL.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    /// An integer literal is an `.integer`.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLValue: ExpressibleByFloatLiteral {
    /// A float literal is a `.real`.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLValue: ExpressibleByStringLiteral {
    /// A string literal is `.text`.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLValue: ExpressibleByBooleanLiteral {
    /// A boolean literal is the integer 0 or 1.
    public init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}

extension SQLValue: CustomStringConvertible, CustomDebugStringConvertible {
    /// Describes the storage class and size only, so values (possibly secrets) never reach logs.
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer: "integer"
        case .real: "real"
        case .text(let string): "text(\(string.utf8.count) bytes)"
        case .blob(let bytes): "blob(\(bytes.count) bytes)"
        }
    }

    /// The same redacted text as `description`, so `debugPrint` and string interpolation of arrays stay safe.
    public var debugDescription: String {
        description
    }
}
