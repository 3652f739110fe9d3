/// What `Database.status()` reports (seed 001 `db/status`).
public struct DatabaseStatus: Sendable, Codable, Equatable {
    /// One table and how many rows it holds.
    public struct Table: Sendable, Codable, Equatable {
        /// The table's name.
        public let name: String
        /// `count(*)` of the table, in the same snapshot as every other count.
        public let rowCount: Int64
    }

    /// The database file, or nil for `.memory`.
    public let path: String?
    /// Whether the database lives only in memory (and is lost on restart unless exported).
    public let isMemory: Bool
    /// The size of the main database file in bytes (0 for `.memory`).
    public let fileSizeBytes: Int64
    /// The size of the write-ahead log in bytes (0 when there is none).
    public let walSizeBytes: Int64
    /// Pages in the database.
    public let pageCount: Int64
    /// Bytes per page.
    public let pageSize: Int64
    /// The journal mode in effect: "wal" for files, "memory" for `.memory`.
    public let journalMode: String
    /// The highest applied migration.
    public let schemaVersion: Int
    /// Every table (SQLite's internal `sqlite_*` tables excluded), by name.
    public let tables: [Table]
}

extension Database {
    /// Reports size, page and journal settings, and row counts of every table from one consistent snapshot.
    ///
    /// Counting rows scans each table, so this is for an admin endpoint, not for every request.
    public func status() async throws -> DatabaseStatus {
        let (path, isMemory) = (self.path, location == .memory)
        return try await read { connection in try Self.status(of: connection, path: path, isMemory: isMemory) }
    }

    /// Blocking `status()`, for the command line.
    public func statusSync() throws -> DatabaseStatus {
        try readSync { connection in try Self.status(of: connection, path: path, isMemory: location == .memory) }
    }

    private static func status(of connection: SQLConnection, path: String?, isMemory: Bool) throws -> DatabaseStatus {
        let names = try connection.query("""
            SELECT name FROM sqlite_schema
            WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY name
            """).map { try $0.require("name", as: String.self) }
        let tables = try names.map { name in
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let count = try connection.queryOne("SELECT count(*) AS n FROM \(quoted)")?.int64("n") ?? 0
            return DatabaseStatus.Table(name: name, rowCount: count)
        }
        return DatabaseStatus(
            path: path,
            isMemory: isMemory,
            fileSizeBytes: path.flatMap(FileSystem.size(of:)) ?? 0,
            walSizeBytes: path.flatMap { FileSystem.size(of: $0 + "-wal") } ?? 0,
            pageCount: try pragma("page_count", on: connection),
            pageSize: try pragma("page_size", on: connection),
            journalMode: try connection.queryOne("PRAGMA journal_mode")?.get(0, as: String.self)?.lowercased() ?? "",
            schemaVersion: try Migrator.appliedVersion(connection),
            tables: tables)
    }

    private static func pragma(_ name: String, on connection: SQLConnection) throws -> Int64 {
        try connection.queryOne("PRAGMA \(name)")?.get(0, as: Int64.self) ?? 0
    }
}
