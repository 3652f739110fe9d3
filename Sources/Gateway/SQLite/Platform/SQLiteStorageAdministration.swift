import Store

/// `StorageAdministration` of the SQLite database: `Database.status()` and its online backup export.
struct SQLiteStorageAdministration: StorageAdministration {
    let database: Database

    var kind: String { "sqlite" }

    var path: String? { database.path }

    func status() async throws -> StorageStatus {
        let status = try await database.status()
        return StorageStatus(path: status.path, isMemory: status.isMemory,
                             sizeBytes: status.fileSizeBytes + status.walSizeBytes, mode: status.journalMode,
                             schemaVersion: status.schemaVersion,
                             tables: status.tables.map { StorageStatus.Table(name: $0.name, rowCount: $0.rowCount) })
    }

    func export(to path: String) async throws -> StorageExport {
        let result = try await database.export(to: path)
        return StorageExport(path: result.path, sizeBytes: result.sizeBytes)
    }
}
