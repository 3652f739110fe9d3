import Foundation
import Store
import Testing

@Suite("Binding and reading values")
struct ValueTests {
    static let values: [SQLValue] = [
        .null,
        .integer(0), .integer(-1), .integer(Int64.min), .integer(Int64.max),
        .real(3.141_592_653_589_793), .real(-0.5), .real(1e308), .real(-.infinity), .real(.leastNonzeroMagnitude),
        .text(""), .text("plain"), .text("héllo wörld — 日本語 🎉 👩‍👩‍👧‍👦"), .text("nul\u{0}inside"),
        .text(String(repeating: "ж", count: 500_000)),
        .blob([]), .blob([0]), .blob(Array(0...255)),
    ]

    @Test("every value round-trips through a real file, by position", arguments: values)
    func roundTrip(value: SQLValue) throws {
        let directory = try TemporaryDirectory()
        let database = try TestLocation.file.open(in: directory, migrations: [
            Migration(version: 1, name: "t", sql: "CREATE TABLE t (v)"),
        ])
        let rowid = try database.writeSync { try $0.insert("INSERT INTO t (v) VALUES (?)", [value]) }
        let row = try database.readSync { try $0.queryOne("SELECT v FROM t WHERE rowid = ?", [.integer(rowid)]) }
        #expect(row?["v"] == value)
        #expect(row?[0] == value)
    }

    @Test("a 16 MiB blob round-trips byte for byte")
    func largeBlob() async throws {
        // SplitMix64 from a random seed: a getrandom syscall per word held a cooperative thread for over a second.
        var state = UInt64.random(in: .min ... .max)
        let words = [UInt64](unsafeUninitializedCapacity: 2 << 20) { buffer, count in
            for index in 0..<buffer.count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
                buffer[index] = mixed ^ (mixed >> 31)
            }
            count = buffer.count
        }
        let bytes = words.withUnsafeBytes { [UInt8]($0) }
        #expect(bytes.count == 16 << 20)
        let database = try Database(.memory, migrations: [Migration(version: 1, name: "t", sql: "CREATE TABLE t (v)")])
        try await database.write { try $0.execute("INSERT INTO t (v) VALUES (?)", [.data(Data(bytes))]) }
        let read = try await database.read { try $0.queryOne("SELECT v FROM t")?.data("v") }
        #expect(read == Data(bytes))
    }

    @Test("typed readers convert each storage class")
    func typedReaders() throws {
        let database = try Database(.memory)
        let now = Date(timeIntervalSince1970: 1_795_549_179.123)
        let row = try #require(try database.readSync { connection in
            try connection.queryOne("SELECT ? AS s, ? AS i, ? AS d, ? AS b, ? AS bytes, ? AS at, NULL AS n, 2.0 AS r",
                                    ["text", .integer(Int64.max), 2.5, true, .blob([1, 2]), now.sqlValue])
        })
        #expect(try row.string("s") == "text")
        #expect(try row.int64("i") == Int64.max)
        #expect(try row.double("d") == 2.5)
        #expect(try row.double("i") == Double(Int64.max))
        #expect(try row.bool("b") == true)
        #expect(try row.bytes("bytes") == [1, 2])
        #expect(try row.data("bytes") == Data([1, 2]))
        #expect(try row.date("at") == now)
        #expect(try row.string("at") == "2026-11-24T19:39:39.123Z")
        #expect(try row.string("n") == nil)
        #expect(try row.int("r") == 2)
        #expect(try row.string("S") == "text", "column names match case-insensitively")
        #expect(row.columnNames == ["s", "i", "d", "b", "bytes", "at", "n", "r"])
    }

    @Test("a misspelt column, a wrong type or a NULL where required is an error")
    func readerErrors() throws {
        let database = try Database(.memory)
        let row = try #require(try database.readSync { try $0.queryOne("SELECT 'x' AS s, 1.5 AS r, NULL AS n") })
        #expect(storeError { try row.string("missing") }?.kind == .noSuchColumn)
        #expect(storeError { try row.get(7, as: String.self) }?.kind == .noSuchColumn)
        #expect(storeError { try row.int64("s") }?.kind == .typeMismatch)
        #expect(storeError { try row.int64("r") }?.kind == .typeMismatch, "1.5 is not an integer")
        #expect(storeError { try row.require("n", as: String.self) }?.kind == .typeMismatch)
        #expect(row["missing"] == nil)
    }

    @Test("named parameters bind with or without their prefix")
    func namedBindings() throws {
        let database = try Database(.memory)
        let row = try database.readSync { connection in
            try connection.queryOne("SELECT :a AS a, @b AS b, $c AS c, :a || :d AS ad",
                                    ["a": "one", "@b": 2, "$c": nil, ":d": "!"])
        }
        #expect(try row?.string("a") == "one")
        #expect(try row?.int("b") == 2)
        #expect(row?["c"] == .null)
        #expect(try row?.string("ad") == "one!")
    }

    @Test("bindings must match the parameters exactly")
    func bindingMismatches() throws {
        let database = try Database(.memory)
        let cases: [(String, Bindings)] = [
            ("SELECT ?, ?", [1]),
            ("SELECT ?", [1, 2]),
            ("SELECT :a, :b", ["a": 1]),
            ("SELECT :a", ["a": 1, "zzz": 2]),
        ]
        for (sql, bindings) in cases {
            let error = storeError { try database.readSync { try $0.query(sql, bindings) } }
            #expect(error?.kind == .bindingMismatch, "\(sql)")
            #expect(error?.sql == sql)
        }
    }

    @Test("one statement per call; scripts go through executeScript")
    func singleStatement() throws {
        let database = try Database(.memory)
        let error = storeError { try database.writeSync { try $0.execute("CREATE TABLE a (x); CREATE TABLE b (x)") } }
        #expect(error?.kind == .misuse)
        try database.writeSync { connection in
            try connection.execute("CREATE TABLE a (x); -- a trailing comment is fine")
            try connection.executeScript("CREATE TABLE b (x); CREATE TABLE c (x);")
        }
        let tables = try database.statusSync().tables.map(\.name)
        #expect(tables.contains("a") && tables.contains("b") && tables.contains("c"))
    }

    @Test("execute counts changed rows of this statement only; insert returns the rowid")
    func changeCounts() throws {
        let database = try Database(.memory, migrations: [Migration(version: 1, name: "t", sql: "CREATE TABLE t (v)")])
        try database.writeSync { connection throws in
            #expect(try connection.insert("INSERT INTO t (v) VALUES (1)") == 1)
            #expect(try connection.insert("INSERT INTO t (v) VALUES (2)") == 2)
            #expect(try connection.execute("UPDATE t SET v = v + 1") == 2)
            #expect(try connection.execute("SELECT * FROM t") == 0)
            #expect(try connection.execute("CREATE TABLE u (x)") == 0)
            #expect(try connection.execute("DELETE FROM t WHERE v = ?", [3]) == 1)
            #expect(try connection.execute("DELETE FROM t WHERE v = ?", [99]) == 0)
            #expect(connection.lastInsertRowID == 2)
        }
    }

    @Test("optional Swift values bind as NULL or their value")
    func optionals() throws {
        let database = try Database(.memory)
        let missing: String? = nil
        let present: Int? = 42
        let row = try database.readSync { connection in
            try connection.queryOne("SELECT ? AS a, ? AS b", [SQLValue(missing), SQLValue(present)])
        }
        #expect(row?["a"] == .null)
        #expect(row?["b"] == .integer(42))
    }

    @Test("the statement cache stays bounded and results stay right after eviction")
    func statementCache() throws {
        let database = try Database(.memory, options: .init(statementCacheCapacity: 8))
        try database.writeSync { connection in
            for round in 0..<3 {
                for number in 0..<20 {
                    let row = try connection.queryOne("SELECT \(number) + ? AS n", [.integer(Int64(round))])
                    #expect(try row?.int("n") == number + round)
                }
            }
            #expect(connection.cachedStatementCount <= 8)
        }
    }
}
