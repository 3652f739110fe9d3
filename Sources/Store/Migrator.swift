/// Brings a database up to the migrations a build knows, recording each in `schema_migrations`.
enum Migrator {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    /// Applies every known migration not yet recorded, oldest first, and returns the resulting version.
    ///
    /// Refuses (`.schemaTooNew`) a database whose highest applied version is above the highest known one:
    /// it was written by a newer build, and this one could corrupt what it does not understand.
    static func migrate(_ connection: SQLConnection, _ migrations: [Migration]) throws -> Int {
        let ordered = try validated(migrations)
        try connection.execute(createTable)
        let known = ordered.last?.version ?? 0
        let applied = try appliedVersion(connection)
        guard applied <= known else {
            throw StoreError(kind: .schemaTooNew, message: "the database is at schema version \(applied), "
                + "newer than the \(known) this build knows; upgrade Switchboard or use a matching build")
        }
        for migration in ordered {
            try apply(migration, to: connection)
        }
        return try appliedVersion(connection)
    }

    /// The highest applied version, 0 for a fresh database.
    static func appliedVersion(_ connection: SQLConnection) throws -> Int {
        try connection.queryOne("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")?
            .int("version") ?? 0
    }

    private static func apply(_ migration: Migration, to connection: SQLConnection) throws {
        do {
            try connection.transaction(.immediate) { connection in
                // Checked inside the write lock: another process may have applied it since we looked.
                let done = try connection.queryOne("SELECT 1 FROM schema_migrations WHERE version = ?",
                                                   [.integer(Int64(migration.version))])
                guard done == nil else { return }
                try migration.apply(to: connection)
                try connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                       [.integer(Int64(migration.version)), .text(migration.name),
                                        .text(Timestamp.now())])
            }
        } catch let error as StoreError {
            throw StoreError(kind: .migrationFailed, code: error.code,
                             message: "migration \(migration.version) '\(migration.name)' failed and was rolled back: "
                                + error.message,
                             sql: error.sql)
        } catch {
            throw StoreError(kind: .migrationFailed,
                             message: "migration \(migration.version) '\(migration.name)' failed and was rolled back: "
                                + String(describing: error))
        }
    }

    private static func validated(_ migrations: [Migration]) throws -> [Migration] {
        let ordered = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where previous.version == next.version {
            throw StoreError(kind: .invalidMigrations, message: "two migrations have version \(next.version): "
                + "'\(previous.name)' and '\(next.name)'")
        }
        if let first = ordered.first, first.version <= 0 {
            throw StoreError(kind: .invalidMigrations, message: "migration '\(first.name)' has version "
                + "\(first.version); versions start at 1")
        }
        return ordered
    }
}
