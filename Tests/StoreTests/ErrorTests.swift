import CSQLite
import Foundation
import Store
import Testing

@Suite("Errors carry SQLite's code and message, never bound values")
struct ErrorTests {
    static let secret = "sk_live_TOPSECRET_4242"

    static let schema = [
        Migration(version: 1, name: "keys", sql: """
            CREATE TABLE owners (id INTEGER PRIMARY KEY);
            CREATE TABLE keys (
                hash TEXT NOT NULL UNIQUE,
                label TEXT CHECK (length(label) < 10),
                owner INTEGER REFERENCES owners(id)
            );
            CREATE TABLE strict_t (n INTEGER) STRICT;
            """),
    ]

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let sql: String
        let bindings: Bindings
        let code: Int32
        let message: String
    }

    static let cases = [
        Case(description: "unique", sql: "INSERT INTO keys (hash) VALUES (?)", bindings: [.text(secret)],
             code: 2067, message: "UNIQUE constraint failed: keys.hash"),
        Case(description: "check", sql: "INSERT INTO keys (hash, label) VALUES ('h2', ?)", bindings: [.text(secret)],
             code: 275, message: "CHECK constraint failed"),
        Case(description: "not null", sql: "INSERT INTO keys (hash, label) VALUES (NULL, :l)",
             bindings: ["l": .text(secret)], code: 1299, message: "NOT NULL constraint failed: keys.hash"),
        Case(description: "foreign key", sql: "INSERT INTO keys (hash, owner) VALUES (?, 999)",
             bindings: [.text(secret + "x")], code: 787, message: "FOREIGN KEY constraint failed"),
        Case(description: "strict type", sql: "INSERT INTO strict_t (n) VALUES (?)", bindings: [.text(secret)],
             code: 3091, message: "cannot store TEXT value in INTEGER column strict_t.n"),
        Case(description: "syntax", sql: "INSERT INTO keys (hash VALUES (?)", bindings: [.text(secret)],
             code: SQLITE_ERROR, message: "syntax error"),
    ]

    @Test("the code, the message, and no secret", arguments: cases)
    func sqliteErrors(example: Case) async throws {
        let database = try Database(.memory, migrations: Self.schema)
        try await database.write { try $0.execute("INSERT INTO keys (hash) VALUES (?)", [.text(Self.secret)]) }
        let error = try #require(await storeError {
            try await database.write { try $0.execute(example.sql, example.bindings) }
        })
        #expect(error.kind == .sqlite)
        #expect(error.code == example.code)
        #expect(error.message.contains(example.message), "\(error.message)")
        #expect(error.sql == example.sql)
        for text in [error.message, error.description, String(describing: error), String(reflecting: error)] {
            #expect(!text.contains(Self.secret))
        }
    }

    @Test("binding mismatch errors name the parameter, not the value")
    func bindingErrorHasNoValue() throws {
        let database = try Database(.memory)
        let error = try #require(storeError {
            try database.readSync { try $0.query("SELECT :token", ["token": .text(Self.secret), "extra": 1]) }
        })
        #expect(error.kind == .bindingMismatch)
        #expect(error.message.contains("extra"))
        #expect(!String(describing: error).contains(Self.secret))
    }

    @Test("values describe themselves without their content")
    func valueDescriptions() {
        #expect(String(describing: SQLValue.text(Self.secret)) == "text(22 bytes)")
        #expect(!String(describing: Bindings.positional([.text(Self.secret)])).contains(Self.secret))
    }

    @Test("constraint helpers classify codes")
    func helpers() {
        let unique = StoreError(kind: .sqlite, code: 2067, message: "UNIQUE constraint failed: t.x")
        #expect(unique.isUniqueViolation && unique.isConstraintViolation && unique.primaryCode == SQLITE_CONSTRAINT)
        let busy = StoreError(kind: .sqlite, code: SQLITE_BUSY, message: "database is locked")
        #expect(busy.isBusy && !busy.isConstraintViolation)
        #expect(unique.description.contains("2067"))
    }

    @Test("opening a file that is not a database fails with SQLITE_NOTADB")
    func notADatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("garbage.sqlite")
        try Data(repeating: 0x5a, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = storeError { try Database(.file(path)) }
        #expect(error?.primaryCode == SQLITE_NOTADB)
        #expect(error?.message == "file is not a database")
    }

    @Test("opening an impossible path fails with SQLITE_CANTOPEN")
    func cannotOpen() {
        let error = storeError { try Database(.file("/no/such/directory/db.sqlite")) }
        #expect(error?.code == SQLITE_CANTOPEN)
        #expect(error?.message.isEmpty == false)
    }
}
