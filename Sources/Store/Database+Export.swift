import CSQLite

/// What `Database.export(to:)` wrote.
public struct ExportResult: Sendable, Codable, Equatable {
    /// The file written.
    public let path: String
    /// Its size in bytes.
    public let sizeBytes: Int64
    /// How many database pages were copied.
    public let pageCount: Int64
}

extension Database {
    /// Copies the live database to a standalone file with SQLite's online backup API (seed 001 `db/export`).
    ///
    /// The copy is one consistent snapshot taken on a reader connection, so writers carry on meanwhile (for
    /// `.memory` it runs on the only connection, between writes). It is written to a temporary file beside
    /// `path`, switched to `journal_mode=DELETE` so it is a single self-contained file, then renamed over
    /// `path` atomically: a reader of `path` sees the old file or the complete new one, never half of it.
    public func export(to path: String) async throws -> ExportResult {
        try checkExportDestination(path)
        return try await readers.run { connection in try Self.backup(from: connection, to: path) }
    }

    /// Blocking `export(to:)`, for the command line.
    public func exportSync(to path: String) throws -> ExportResult {
        try checkExportDestination(path)
        return try readers.runBlocking { connection in try Self.backup(from: connection, to: path) }
    }

    private func checkExportDestination(_ destination: String) throws {
        guard let source = self.path else { return }
        let target = FileSystem.canonical(destination)
        let live = FileSystem.canonical(source)
        guard ![live, live + "-wal", live + "-shm", live + "-journal"].contains(target) else {
            throw StoreError(kind: .misuse, message: "cannot export the database over its own files: \(destination)")
        }
    }

    private static func backup(from source: SQLConnection, to path: String) throws -> ExportResult {
        let temporary = path + ".partial-" + makeUUIDString()
        do {
            let pages = try copyPages(from: source, toFile: temporary)
            try FileSystem.move(temporary, to: path)
            return ExportResult(path: path, sizeBytes: FileSystem.size(of: path) ?? 0, pageCount: pages)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                FileSystem.removeIfPresent(temporary + suffix)
            }
            throw error
        }
    }

    /// Runs the backup in one step (one read snapshot), retrying briefly while the source is busy.
    private static func copyPages(from source: SQLConnection, toFile path: String) throws -> Int64 {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let destination = try SQLConnection(path: path, flags: flags, cacheCapacity: 0)
        guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            throw StoreError.sqlite(sqlite3_errcode(destination.handle), destination.handle)
        }
        var code: Int32
        var retries = 0
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                retries += 1
                sqlite3_sleep(5)
            }
        } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED) && retries < 1000
        let pages = Int64(sqlite3_backup_pagecount(backup))
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw StoreError.sqlite(code == SQLITE_DONE ? finish : code, destination.handle)
        }
        try destination.execute("PRAGMA journal_mode = DELETE")
        return pages
    }
}
