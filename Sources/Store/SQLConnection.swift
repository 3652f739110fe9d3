import CSQLite

/// One SQLite connection with its statement cache: what `Database.read`/`write` closures receive.
///
/// Deliberately not `Sendable`: a connection is only valid inside the closure it was passed to, on the queue
/// the `Database` confines it to. Run several statements on it freely; keep it from escaping the closure.
public final class SQLConnection {
    let handle: OpaquePointer
    private var cache: StatementCache
    var savepointDepth = 0

    /// Opens a connection, failing with SQLite's code and message.
    init(path: String, flags: Int32, cacheCapacity: Int) throws {
        var raw: OpaquePointer?
        let code = sqlite3_open_v2(path, &raw, flags, nil)
        guard code == SQLITE_OK, let raw else {
            let error = StoreError.sqlite(code, raw)
            sqlite3_close_v2(raw)
            throw error
        }
        handle = raw
        cache = StatementCache(capacity: cacheCapacity)
        sqlite3_extended_result_codes(raw, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one statement and returns how many rows it inserted, updated or deleted (0 for anything else).
    @discardableResult
    public func execute(_ sql: String, _ bindings: Bindings = .none) throws -> Int {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        let before = sqlite3_total_changes64(handle)
        while try statement.step() {}
        // sqlite3_changes keeps the last DML's count across other statements; nothing changed means 0.
        return sqlite3_total_changes64(handle) == before ? 0 : Int(sqlite3_changes64(handle))
    }

    /// Runs one query and returns all its rows.
    public func query(_ sql: String, _ bindings: Bindings = .none) throws -> [Row] {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        return try statement.rows()
    }

    /// Runs one query and returns its first row, or nil when it has none.
    public func queryOne(_ sql: String, _ bindings: Bindings = .none) throws -> Row? {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        return try statement.rows(limit: 1).first
    }

    /// Runs an INSERT and returns the new row's rowid.
    ///
    /// An INSERT that inserted nothing (`OR IGNORE`, `ON CONFLICT DO NOTHING`) leaves `lastInsertRowID` at an
    /// earlier row: check `changes`, or use `execute` and `RETURNING`, when that can happen.
    @discardableResult
    public func insert(_ sql: String, _ bindings: Bindings = .none) throws -> Int64 {
        try execute(sql, bindings)
        return lastInsertRowID
    }

    /// Runs several `;`-separated statements without parameters (schema scripts, migrations).
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw StoreError(kind: .sqlite, code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// How many rows the most recent INSERT, UPDATE or DELETE changed.
    public var changes: Int {
        Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// How many prepared statements this connection has cached.
    public var cachedStatementCount: Int {
        cache.count
    }

    /// The cached statement for `sql`, preparing and caching it on first use.
    func prepare(_ sql: String) throws -> Statement {
        if let cached = cache.statement(for: sql) { return cached }
        let statement = try compile(sql)
        cache.insert(statement)
        return statement
    }

    /// Compiles exactly one statement; trailing statements are refused rather than silently ignored.
    private func compile(_ sql: String) throws -> Statement {
        var raw: OpaquePointer?
        var rest = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, &tail)
            if let tail, tail.pointee != 0 { rest = String(cString: tail) }
            return code
        }
        guard code == SQLITE_OK else {
            let error = StoreError.sqlite(code, handle, sql: sql)
            sqlite3_finalize(raw)
            throw error
        }
        guard let raw else { throw StoreError(kind: .misuse, message: "the SQL holds no statement", sql: sql) }
        let statement = Statement(handle: raw, sql: sql, database: handle)
        if holdsStatement(rest) {
            throw StoreError(kind: .misuse, message: "several statements in one call; use executeScript", sql: sql)
        }
        return statement
    }

    /// Whether `sql` holds anything but whitespace and comments.
    private func holdsStatement(_ sql: String) -> Bool {
        guard sql.contains(where: { !$0.isWhitespace && $0 != ";" }) else { return false }
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &raw, nil)
        defer { sqlite3_finalize(raw) }
        return code != SQLITE_OK || raw != nil
    }
}

@available(*, unavailable, message: "a connection is confined to its Database's queue; use it inside the closure")
extension SQLConnection: Sendable {}
