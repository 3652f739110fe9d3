import CSQLite
import Foundation
import Store
import Testing

@Suite("Migrations")
struct MigrationTests {
    static let base = [
        Migration(version: 2, name: "add_keys", sql: """
            CREATE TABLE keys (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id));
            INSERT INTO log (entry) VALUES ('2');
            """),
        Migration(version: 1, name: "create_orgs", sql: """
            CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE log (entry TEXT NOT NULL);
            INSERT INTO log (entry) VALUES ('1');
            """),
    ]

    static let third = Migration(version: 3, name: "seed_org") { connection in
        try connection.execute("INSERT INTO orgs (id, name) VALUES (?, ?)", ["org_1", "Acme"])
        try connection.execute("INSERT INTO log (entry) VALUES ('3')")
    }

    @Test("apply once, in version order, recorded in schema_migrations")
    func appliesInOrder() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(.file(directory.file("m.sqlite")), migrations: Self.base + [Self.third])
        #expect(database.schemaVersion == 3)
        let (log, records) = try database.readSync { connection in
            (try connection.query("SELECT entry FROM log ORDER BY rowid").map { try $0.require("entry") as String },
             try connection.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"))
        }
        #expect(log == ["1", "2", "3"])
        #expect(try records.map { try $0.require("version") as Int } == [1, 2, 3])
        #expect(try records.map { try $0.require("name") as String } == ["create_orgs", "add_keys", "seed_org"])
        for record in records {
            #expect(try record.date("applied_at") != nil)
        }
    }

    @Test("re-open is idempotent and applies only new migrations", arguments: TestLocation.allCases)
    func reopenIsIdempotent(location: TestLocation) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.sqlite")
        guard location == .file else {
            // A memory database is new at every open: migrations apply each time.
            #expect(try Database(.memory, migrations: Self.base).schemaVersion == 2)
            #expect(try Database(.memory, migrations: Self.base).schemaVersion == 2)
            return
        }
        let first = try Database(.file(path), migrations: Self.base)
        let appliedAt = try first.readSync { try $0.query("SELECT applied_at FROM schema_migrations") }
        let second = try Database(.file(path), migrations: Self.base)
        #expect(second.schemaVersion == 2)
        #expect(try second.readSync { try $0.query("SELECT applied_at FROM schema_migrations") } == appliedAt)
        let third = try Database(.file(path), migrations: Self.base + [Self.third])
        #expect(third.schemaVersion == 3)
        let log = try third.readSync { try $0.query("SELECT entry FROM log").map { try $0.require("entry") as String } }
        #expect(log == ["1", "2", "3"])
    }

    @Test("a database newer than the code is refused with a clear error")
    func tooNewIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.sqlite")
        _ = try Database(.file(path), migrations: Self.base + [Self.third])
        let error = storeError { try Database(.file(path), migrations: Self.base) }
        #expect(error?.kind == .schemaTooNew)
        #expect(error?.message.contains("schema version 3") == true)
        #expect(error?.message.contains("2 this build knows") == true)
    }

    @Test("a failing migration rolls back and leaves the version unchanged")
    func failingMigrationRollsBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("m.sqlite")
        _ = try Database(.file(path), migrations: Self.base)
        let broken = Migration(version: 3, name: "broken", sql: """
            CREATE TABLE half (id INTEGER);
            INSERT INTO half VALUES (1);
            INSERT INTO no_such_table VALUES (1);
            """)
        let error = storeError { try Database(.file(path), migrations: Self.base + [broken]) }
        #expect(error?.kind == .migrationFailed)
        #expect(error?.code == SQLITE_ERROR)
        #expect(error?.message.contains("migration 3 'broken'") == true)
        #expect(error?.message.contains("no such table: no_such_table") == true)

        let reopened = try Database(.file(path), migrations: Self.base)
        #expect(reopened.schemaVersion == 2)
        let half = try reopened.readSync { try $0.queryOne("SELECT name FROM sqlite_schema WHERE name = 'half'") }
        #expect(half == nil)
    }

    @Test("a throwing Swift migration rolls back its statements")
    func throwingClosureRollsBack() throws {
        struct Refused: Error {}
        let directory = try TemporaryDirectory()
        let path = directory.file("m.sqlite")
        let refusing = Migration(version: 3, name: "refusing") { connection in
            try connection.execute("INSERT INTO orgs (id, name) VALUES ('org_x', 'X')")
            throw Refused()
        }
        let error = storeError { try Database(.file(path), migrations: Self.base + [refusing]) }
        #expect(error?.kind == .migrationFailed)
        let database = try Database(.file(path), migrations: Self.base)
        #expect(database.schemaVersion == 2)
        #expect(try database.readSync { try $0.query("SELECT * FROM orgs") }.isEmpty)
    }

    @Test("duplicate or non-positive versions are refused before anything runs")
    func invalidMigrations() throws {
        let duplicate = Self.base + [Migration(version: 2, name: "again", sql: "SELECT 1")]
        #expect(storeError { try Database(.memory, migrations: duplicate) }?.kind == .invalidMigrations)
        let zero = [Migration(version: 0, name: "zero", sql: "SELECT 1")]
        #expect(storeError { try Database(.memory, migrations: zero) }?.kind == .invalidMigrations)
    }

    @Test("foreign keys are enforced after migrations")
    func foreignKeysOn() async throws {
        let database = try Database(.memory, migrations: Self.base)
        let error = await storeError {
            try await database.write { try $0.execute("INSERT INTO keys (id, org_id) VALUES ('k', 'missing')") }
        }
        #expect(error?.code == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
    }
}
