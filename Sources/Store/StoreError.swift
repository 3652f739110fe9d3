import CSQLite

/// An error from the Store: the SQLite result code and `sqlite3_errmsg` text, never a bound value.
///
/// SQLite's messages name tables, columns and constraints (e.g. "UNIQUE constraint failed: keys.hash") but not
/// the values bound to a statement, and the Store adds none, so an error is safe to log even when a statement
/// carried a secret. `sql` is the statement text as written by the caller, with placeholders.
public struct StoreError: Error, Sendable, Equatable {
    /// What went wrong, as an open set of kinds.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        /// The kind's name.
        public let description: String

        /// SQLite returned an error result code.
        public static let sqlite = Kind(description: "sqlite")
        /// The database's schema version is newer than the migrations this build knows.
        public static let schemaTooNew = Kind(description: "schemaTooNew")
        /// A migration failed and was rolled back.
        public static let migrationFailed = Kind(description: "migrationFailed")
        /// The migration list is invalid (duplicate or non-positive versions).
        public static let invalidMigrations = Kind(description: "invalidMigrations")
        /// The bindings do not match the statement's parameters.
        public static let bindingMismatch = Kind(description: "bindingMismatch")
        /// A row has no column of that name or index.
        public static let noSuchColumn = Kind(description: "noSuchColumn")
        /// A column's value does not convert to the requested type (or is NULL where a value is required).
        public static let typeMismatch = Kind(description: "typeMismatch")
        /// The API was used in a way that cannot work (several statements in one call, re-entrant access…).
        public static let misuse = Kind(description: "misuse")
        /// A file-system operation around the database failed (export, status).
        public static let fileSystem = Kind(description: "fileSystem")
    }

    /// What went wrong.
    public let kind: Kind
    /// The SQLite extended result code (https://sqlite.org/rescode.html), or nil when SQLite was not involved.
    public let code: Int32?
    /// A human-readable message: `sqlite3_errmsg` text for SQLite errors.
    public let message: String
    /// The SQL text of the failing statement, if any (placeholders only, never values).
    public let sql: String?

    /// Makes an error.
    public init(kind: Kind, code: Int32? = nil, message: String, sql: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of `code`), e.g. `SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`.
    public var primaryCode: Int32? {
        code.map { $0 & 0xff }
    }

    /// Whether a constraint (UNIQUE, NOT NULL, CHECK, FOREIGN KEY…) rejected the statement.
    public var isConstraintViolation: Bool {
        primaryCode == SQLITE_CONSTRAINT
    }

    /// Whether a UNIQUE or PRIMARY KEY constraint rejected the statement (the usual "already exists" case).
    public var isUniqueViolation: Bool {
        // SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY: macros with shifts, which Swift does not import.
        code == SQLITE_CONSTRAINT | (8 << 8) || code == SQLITE_CONSTRAINT | (6 << 8)
    }

    /// Whether the database stayed locked by another process for longer than the busy timeout.
    public var isBusy: Bool {
        primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED
    }
}

extension StoreError: CustomStringConvertible {
    /// The kind, the code with SQLite's generic text for it, the message and the SQL.
    public var description: String {
        var text = "StoreError.\(kind)"
        if let code {
            text += " [\(code): \(String(cString: sqlite3_errstr(code)))]"
        }
        text += ": \(message)"
        if let sql {
            text += " (SQL: \(sql.count > 300 ? String(sql.prefix(300)) + "…" : sql))"
        }
        return text
    }
}

extension StoreError {
    /// Makes an error from a SQLite result code and the connection's current `sqlite3_errmsg`.
    static func sqlite(_ code: Int32, _ handle: OpaquePointer?, sql: String? = nil) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) }
        // Prefer the connection's extended code when it refines the code we were handed.
        let best = extended.flatMap { ($0 & 0xff) == (code & 0xff) ? $0 : nil } ?? code
        return StoreError(kind: .sqlite, code: best, message: message, sql: sql)
    }
}
