import Foundation

/// A Swift type that can be bound as a parameter and read back from a column.
public protocol SQLValueConvertible: Sendable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// Reads a non-NULL column value, or returns nil if its storage class does not fit this type.
    init?(sqlValue: SQLValue)
}

extension Int64: SQLValueConvertible {
    /// Binds as `.integer`.
    public var sqlValue: SQLValue { .integer(self) }

    /// Reads an integer, or a real with an exact integer value (as `sum()` may return).
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .integer(let value): self = value
        case .real(let value):
            guard let exact = Int64(exactly: value) else { return nil }
            self = exact
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    /// Binds as `.integer`.
    public var sqlValue: SQLValue { .integer(Int64(self)) }

    /// Reads an integer that fits in `Int`.
    public init?(sqlValue: SQLValue) {
        guard let wide = Int64(sqlValue: sqlValue), let value = Int(exactly: wide) else { return nil }
        self = value
    }
}

extension Double: SQLValueConvertible {
    /// Binds as `.real`.
    public var sqlValue: SQLValue { .real(self) }

    /// Reads a real or an integer.
    public init?(sqlValue: SQLValue) {
        switch sqlValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: SQLValueConvertible {
    /// Binds as the integer 0 or 1.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }

    /// Reads an integer: zero is false, anything else true.
    public init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = value != 0
    }
}

extension String: SQLValueConvertible {
    /// Binds as `.text`.
    public var sqlValue: SQLValue { .text(self) }

    /// Reads text only; numbers are not silently turned into strings.
    public init?(sqlValue: SQLValue) {
        guard case .text(let value) = sqlValue else { return nil }
        self = value
    }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    /// Binds as `.blob`.
    public var sqlValue: SQLValue { .blob(self) }

    /// Reads a blob only.
    public init?(sqlValue: SQLValue) {
        guard case .blob(let value) = sqlValue else { return nil }
        self = value
    }
}

extension Data: SQLValueConvertible {
    /// Binds as `.blob`.
    public var sqlValue: SQLValue { .blob([UInt8](self)) }

    /// Reads a blob only.
    public init?(sqlValue: SQLValue) {
        guard case .blob(let value) = sqlValue else { return nil }
        self = Data(value)
    }
}

extension Date: SQLValueConvertible {
    /// Binds as ISO-8601 UTC text with milliseconds (see `Timestamp`), which sorts chronologically.
    public var sqlValue: SQLValue { .text(Timestamp.string(from: self)) }

    /// Reads ISO-8601 text written by `Timestamp`.
    public init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue, let date = Timestamp.date(from: text) else { return nil }
        self = date
    }
}

extension SQLValue: SQLValueConvertible {
    /// A value binds as itself.
    public var sqlValue: SQLValue { self }

    /// Any non-NULL value reads as itself.
    public init?(sqlValue: SQLValue) {
        self = sqlValue
    }
}
