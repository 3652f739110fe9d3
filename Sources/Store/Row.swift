import Foundation

/// One result row: values addressed by column name or zero-based index, read into typed values.
///
/// Typed readers return nil for SQL NULL and throw `StoreError` (`.noSuchColumn`, `.typeMismatch`) for a
/// misspelt column or a storage class that does not fit, so a schema mistake is loud rather than a silent nil.
/// When several columns share a name (a join), the first one wins; alias them in SQL to tell them apart.
public struct Row: Sendable, Equatable {
    let columns: ColumnIndex
    /// The values, in column order.
    public let values: [SQLValue]

    init(columns: ColumnIndex, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column names, in order, as SQLite reports them.
    public var columnNames: [String] { columns.names }

    /// The raw value of a column, or nil when the row has no such column.
    public subscript(_ column: String) -> SQLValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// The raw value at a zero-based index, or nil when out of range.
    public subscript(_ index: Int) -> SQLValue? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// Reads a column as `T`; nil for NULL.
    public func get<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard let index = columns.index(of: column) else {
            throw StoreError(kind: .noSuchColumn, message: "no column named '\(column)' in \(columns.names)")
        }
        return try convert(values[index], column: column, to: type)
    }

    /// Reads the column at a zero-based index as `T`; nil for NULL.
    public func get<T: SQLValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T? {
        guard values.indices.contains(index) else {
            throw StoreError(kind: .noSuchColumn, message: "no column at index \(index) of \(values.count)")
        }
        return try convert(values[index], column: columns.names[index], to: type)
    }

    /// Reads a column that must not be NULL.
    public func require<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let value = try get(column, as: type) else {
            throw StoreError(kind: .typeMismatch, message: "column '\(column)' is NULL, expected \(T.self)")
        }
        return value
    }

    /// Reads a text column.
    public func string(_ column: String) throws -> String? { try get(column) }
    /// Reads an integer column.
    public func int64(_ column: String) throws -> Int64? { try get(column) }
    /// Reads an integer column that fits in `Int`.
    public func int(_ column: String) throws -> Int? { try get(column) }
    /// Reads a real (or integer) column.
    public func double(_ column: String) throws -> Double? { try get(column) }
    /// Reads an integer column as a boolean (zero is false).
    public func bool(_ column: String) throws -> Bool? { try get(column) }
    /// Reads a blob column as bytes.
    public func bytes(_ column: String) throws -> [UInt8]? { try get(column) }
    /// Reads a blob column as `Data`.
    public func data(_ column: String) throws -> Data? { try get(column) }
    /// Reads an ISO-8601 text column written by `Timestamp`.
    public func date(_ column: String) throws -> Date? { try get(column) }

    private func convert<T: SQLValueConvertible>(_ value: SQLValue, column: String, to type: T.Type) throws -> T? {
        if value.isNull { return nil }
        guard let converted = T(sqlValue: value) else {
            throw StoreError(kind: .typeMismatch,
                             message: "column '\(column)' holds \(value.storageClass), not \(T.self)")
        }
        return converted
    }
}

extension Row: CustomStringConvertible {
    /// Column names with redacted values (see `SQLValue.description`): rows may hold secrets.
    public var description: String {
        "Row(" + zip(columns.names, values).map { "\($0): \($1)" }.joined(separator: ", ") + ")"
    }
}

/// The column names of one result shape, shared by all rows of a query, with a name-to-index map.
final class ColumnIndex: Sendable, Equatable {
    let names: [String]
    private let exact: [String: Int]
    private let folded: [String: Int]

    init(names: [String]) {
        self.names = names
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (index, name) in names.enumerated().reversed() {
            exact[name] = index
            folded[name.lowercased()] = index
        }
        self.exact = exact
        self.folded = folded
    }

    /// The index of a column: an exact match first, then ASCII case-insensitively as SQL names are.
    func index(of name: String) -> Int? {
        exact[name] ?? folded[name.lowercased()]
    }

    static func == (lhs: ColumnIndex, rhs: ColumnIndex) -> Bool {
        lhs === rhs || lhs.names == rhs.names
    }
}
