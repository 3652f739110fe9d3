import CSQLite
import Store
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    static let schema = [Migration(version: 1, name: "items", sql: "CREATE TABLE items (name TEXT NOT NULL)")]

    static func names(_ database: Database) throws -> [String] {
        try database.readSync { connection in
            try connection.query("SELECT name FROM items ORDER BY rowid").map { try $0.require("name") as String }
        }
    }

    @Test("a throw rolls the whole transaction back; a return commits it", arguments: TestLocation.allCases)
    func rollbackOnThrow(location: TestLocation) async throws {
        let directory = try TemporaryDirectory()
        let database = try location.open(in: directory, migrations: Self.schema)
        await #expect(throws: Boom.self) {
            try await database.transaction { connection in
                try connection.execute("INSERT INTO items (name) VALUES ('lost')")
                throw Boom()
            }
        }
        try await database.transaction { try $0.execute("INSERT INTO items (name) VALUES ('kept')") }
        #expect(try Self.names(database) == ["kept"])
    }

    @Test("an inner savepoint rolls back alone and the outer work commits", arguments: TestLocation.allCases)
    func nestedSavepoint(location: TestLocation) throws {
        let directory = try TemporaryDirectory()
        let database = try location.open(in: directory, migrations: Self.schema)
        try database.transactionSync { connection in
            try connection.execute("INSERT INTO items (name) VALUES ('outer-1')")
            #expect(throws: Boom.self) {
                try connection.transaction { inner in
                    try inner.execute("INSERT INTO items (name) VALUES ('inner-lost')")
                    try inner.transaction { innermost in
                        try innermost.execute("INSERT INTO items (name) VALUES ('innermost-lost')")
                    }
                    throw Boom()
                }
            }
            try connection.transaction { inner in
                try inner.execute("INSERT INTO items (name) VALUES ('inner-kept')")
            }
            try connection.execute("INSERT INTO items (name) VALUES ('outer-2')")
        }
        #expect(try Self.names(database) == ["outer-1", "inner-kept", "outer-2"])
    }

    @Test("an outer throw undoes inner savepoints that succeeded")
    func outerThrowUndoesInner() throws {
        let database = try Database(.memory, migrations: Self.schema)
        #expect(throws: Boom.self) {
            try database.transactionSync { connection in
                try connection.transaction { try $0.execute("INSERT INTO items (name) VALUES ('inner')") }
                throw Boom()
            }
        }
        #expect(try Self.names(database).isEmpty)
    }

    @Test("a failing statement inside a transaction rolls back the earlier ones")
    func failingStatementRollsBack() async throws {
        let database = try Database(.memory, migrations: Self.schema)
        let error = await storeError {
            try await database.transaction { connection in
                try connection.execute("INSERT INTO items (name) VALUES ('first')")
                try connection.execute("INSERT INTO items (name) VALUES (NULL)")
            }
        }
        #expect(error?.code == 1299)  // SQLITE_CONSTRAINT_NOTNULL
        #expect(try Self.names(database).isEmpty)
    }

    @Test("a read closure cannot write", arguments: TestLocation.allCases)
    func readsAreReadOnly(location: TestLocation) async throws {
        let directory = try TemporaryDirectory()
        let database = try location.open(in: directory, migrations: Self.schema)
        let error = await storeError {
            try await database.read { try $0.execute("INSERT INTO items (name) VALUES ('sneaky')") }
        }
        #expect(error?.primaryCode == SQLITE_READONLY)
        try await database.write { try $0.execute("INSERT INTO items (name) VALUES ('fine')") }
        #expect(try Self.names(database) == ["fine"])
    }

    @Test("a write closure that leaves BEGIN open is rolled back and reported")
    func unbalancedBegin() async throws {
        let database = try Database(.memory, migrations: Self.schema)
        let error = await storeError {
            try await database.write { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO items (name) VALUES ('dangling')")
            }
        }
        #expect(error?.kind == .misuse)
        #expect(try Self.names(database).isEmpty)
        await #expect(throws: Boom.self) {
            try await database.write { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO items (name) VALUES ('dangling')")
                throw Boom()
            }
        }
        #expect(try Self.names(database).isEmpty)
        try await database.transaction { try $0.execute("INSERT INTO items (name) VALUES ('after')") }
        #expect(try Self.names(database) == ["after"])
    }

    @Test("calling the database from inside its own closure throws instead of deadlocking")
    func reentrancy() throws {
        let database = try Database(.memory, migrations: Self.schema)
        let error = storeError {
            try database.writeSync { _ in try database.writeSync { _ in 1 } }
        }
        #expect(error?.kind == .misuse)
        let readInWrite = storeError { try database.writeSync { _ in try database.readSync { _ in 1 } } }
        #expect(readInWrite?.kind == .misuse, "in memory, reads share the writer")
    }
}
