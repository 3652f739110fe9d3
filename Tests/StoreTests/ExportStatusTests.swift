import Foundation
import Store
import Testing

@Suite("Export and status")
struct ExportStatusTests {
    static let schema = [
        Migration(version: 1, name: "events", sql: """
            CREATE TABLE events (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);
            CREATE TABLE audit (event_id INTEGER NOT NULL);
            CREATE TABLE [odd "name"] (x);
            """),
    ]

    static func addEvent(_ connection: SQLConnection) throws {
        let payload = SQLValue.blob(Array(repeating: 7, count: 512))
        let id = try connection.insert("INSERT INTO events (payload) VALUES (?)", [payload])
        try connection.execute("INSERT INTO audit (event_id) VALUES (?)", [.integer(id)])
    }

    @Test("status reports WAL for files, page facts and per-table row counts")
    func fileStatus() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("status.sqlite")
        let database = try Database(.file(path), migrations: Self.schema)
        for _ in 0..<10 {
            try await database.transaction(Self.addEvent)
        }
        let status = try await database.status()
        #expect(status.journalMode == "wal")
        #expect(database.journalMode == "wal")
        #expect(status.path == path)
        #expect(!status.isMemory)
        #expect(status.pageSize > 0)
        #expect(status.pageCount > 0)
        #expect(status.fileSizeBytes + status.walSizeBytes >= status.pageSize)
        #expect(status.schemaVersion == 1)
        let counts = Dictionary(uniqueKeysWithValues: status.tables.map { ($0.name, $0.rowCount) })
        #expect(counts == ["audit": 10, "events": 10, "odd \"name\"": 0, "schema_migrations": 1])
    }

    @Test("status of a memory database says so")
    func memoryStatus() throws {
        let database = try Database(.memory, migrations: Self.schema)
        let status = try database.statusSync()
        #expect(status.isMemory)
        #expect(status.path == nil)
        #expect(status.journalMode == "memory")
        #expect(status.fileSizeBytes == 0)
        #expect(status.tables.map(\.name) == ["audit", "events", "odd \"name\"", "schema_migrations"])
    }

    @Test("export while writers run yields a consistent standalone file", arguments: TestLocation.allCases)
    func exportDuringWrites(location: TestLocation) async throws {
        let directory = try TemporaryDirectory()
        let database = try location.open(in: directory, migrations: Self.schema)
        for _ in 0..<50 {
            try await database.transaction(Self.addEvent)
        }
        let exportPath = directory.file("export.sqlite")
        let result = try await withThrowingTaskGroup(of: ExportResult?.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<100 {
                        try await database.transaction(Self.addEvent)
                    }
                    return nil
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(20))
                return try await database.export(to: exportPath)
            }
            var exported: ExportResult?
            for try await result in group {
                exported = exported ?? result
            }
            return exported
        }
        let export = try #require(result)
        #expect(export.path == exportPath)
        #expect(export.sizeBytes > 0)
        #expect(export.pageCount > 0)
        #expect(!FileManager.default.fileExists(atPath: exportPath + "-wal"))
        let header = try #require(FileManager.default.contents(atPath: exportPath)?.prefix(20))
        #expect(Array(header.prefix(15)) == Array("SQLite format 3".utf8))
        #expect(Array(header.suffix(2)) == [1, 1], "a rollback-journal file, not WAL: one self-contained file")

        let copy = try Database(.file(exportPath), migrations: Self.schema)
        #expect(copy.schemaVersion == 1)
        let counts = try copy.readSync { connection in
            (try connection.queryOne("SELECT count(*) AS n FROM events")?.int64("n") ?? -1,
             try connection.queryOne("SELECT count(*) AS n FROM audit")?.int64("n") ?? -1,
             try connection.queryOne("PRAGMA integrity_check")?.get(0, as: String.self))
        }
        #expect(counts.0 == counts.1, "the export is one snapshot: every event has its audit row")
        #expect((50...450).contains(counts.0))
        #expect(counts.2 == "ok")
        let live = try await database.status().tables.first { $0.name == "events" }?.rowCount
        #expect(live == 450)
    }

    @Test("export replaces an existing file and leaves no temporary files behind")
    func exportReplaces() async throws {
        let directory = try TemporaryDirectory()
        let database = try Database(.memory, migrations: Self.schema)
        let exportPath = directory.file("out.sqlite")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: exportPath))
        try await database.transaction(Self.addEvent)
        _ = try await database.export(to: exportPath)
        let copy = try Database(.file(exportPath), migrations: Self.schema)
        #expect(try copy.statusSync().tables.first { $0.name == "events" }?.rowCount == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.contains(".partial-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("export refuses to overwrite the live database and reports a bad destination")
    func exportRefusals() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("live.sqlite")
        let database = try Database(.file(path), migrations: Self.schema)
        #expect(await storeError { try await database.export(to: path) }?.kind == .misuse)
        #expect(await storeError { try await database.export(to: path + "-wal") }?.kind == .misuse)
        let missingDirectory = directory.file("no/such/dir/out.sqlite")
        let error = await storeError { try await database.export(to: missingDirectory) }
        #expect(error?.primaryCode == 14)  // SQLITE_CANTOPEN
        #expect(try database.statusSync().tables.count == 4, "the live database is untouched")
    }
}
