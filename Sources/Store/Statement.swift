import CSQLite

/// A prepared statement owned by one `SQLConnection`; never leaves its connection's queue.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let database: OpaquePointer
    private var columns: ColumnIndex?

    init(handle: OpaquePointer, sql: String, database: OpaquePointer) {
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds every parameter exactly once, or throws `.bindingMismatch` naming the parameter (never a value).
    func bind(_ bindings: Bindings) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        switch bindings.storage {
        case .positional(let values):
            guard values.count == expected else {
                throw mismatch("statement has \(expected) parameter(s), \(values.count) value(s) bound")
            }
            for (offset, value) in values.enumerated() {
                try bind(value, at: Int32(offset + 1))
            }
        case .named(let values):
            var bound = Set<Int32>()
            for (name, value) in values {
                let index = parameterIndex(name)
                guard index > 0 else { throw mismatch("statement has no parameter named '\(name)'") }
                guard bound.insert(index).inserted else { throw mismatch("parameter '\(name)' bound twice") }
                try bind(value, at: index)
            }
            if bound.count != expected {
                let missing = (1...Int32(max(expected, 1))).filter { !bound.contains($0) }.map(parameterName)
                throw mismatch("parameter(s) not bound: \(missing.joined(separator: ", "))")
            }
        }
    }

    /// Advances to the next row: true when a row is available, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw StoreError.sqlite(code, database, sql: sql)
        }
    }

    /// Steps through every remaining row and reads it; the column names are read once per call.
    func rows(limit: Int = .max) throws -> [Row] {
        var rows: [Row] = []
        var index: ColumnIndex?
        while rows.count < limit, try step() {
            let columns = index ?? columnIndex()
            index = columns
            var values: [SQLValue] = []
            values.reserveCapacity(columns.names.count)
            for column in 0..<Int32(columns.names.count) {
                values.append(value(at: column))
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Resets the statement and drops its bindings, so no bound value outlives the call.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let transient = sb_sqlite_transient()
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let string):
            var string = string
            code = string.withUTF8 { utf8 in
                // A nil pointer would bind NULL; an empty string must stay an empty string.
                guard let base = utf8.baseAddress, !utf8.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, transient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    sqlite3_bind_text64(handle, index, $0, UInt64(utf8.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                // A nil pointer would bind NULL; an empty blob must stay an empty blob.
                guard let base = raw.baseAddress, !raw.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob64(handle, index, base, UInt64(raw.count), transient)
            }
        }
        guard code == SQLITE_OK else { throw StoreError.sqlite(code, database, sql: sql) }
    }

    private func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .blob([UInt8](UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }

    /// The column index for the current result shape, reused while the names stay the same.
    private func columnIndex() -> ColumnIndex {
        let names = (0..<sqlite3_column_count(handle)).map { column in
            sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "\(column)"
        }
        if let columns, columns.names == names { return columns }
        let fresh = ColumnIndex(names: names)
        columns = fresh
        return fresh
    }

    private func parameterIndex(_ name: String) -> Int32 {
        if let first = name.first, ":@$?".contains(first) {
            return sqlite3_bind_parameter_index(handle, name)
        }
        for prefix in [":", "@", "$"] {
            let index = sqlite3_bind_parameter_index(handle, prefix + name)
            if index > 0 { return index }
        }
        return 0
    }

    private func parameterName(_ index: Int32) -> String {
        sqlite3_bind_parameter_name(handle, index).map { String(cString: $0) } ?? "?\(index)"
    }

    private func mismatch(_ message: String) -> StoreError {
        StoreError(kind: .bindingMismatch, message: message, sql: sql)
    }
}
