import CSQLite

/// A SQLite database shared safely by many concurrent async callers: one writer, a pool of readers.
///
/// **Design.** SQLite connections must not be used by two threads at once, and a write transaction holds the
/// database's single write lock. So a `Database` owns:
/// - one **writer** connection, confined to its own serial `DispatchQueue`; every `write` and `transaction`
///   runs there, one at a time, first come first served — no two writes of this process ever race, and
///   `BEGIN IMMEDIATE` plus the busy timeout make writers of other processes wait rather than fail;
/// - for a file, a pool of `readerCount` **read-only reader** connections, each confined to its own queue.
///   In WAL mode readers never block the writer nor each other, and each `read` closure runs inside one
///   read transaction, so it sees a single consistent snapshot of committed data.
///
/// The async methods never block a thread of the Swift cooperative pool: a caller that finds no free
/// connection is parked as a checked continuation and resumed when the connection is handed to it; the
/// SQLite work itself runs on the connection's Dispatch queue. At most `readerCount + 1` threads ever run
/// SQLite for one database. The `…Sync` variants block the calling thread instead and are meant for the
/// command line and start-up code. Calling the `Database` again from inside one of its own closures would
/// deadlock, so it throws `.misuse`: use the `SQLConnection` the closure was given. Keep closures short and
/// free of network calls: a `transaction` closure holds the only writer. Task cancellation does not stop a
/// closure that is queued or running.
///
/// **`:memory:`.** An in-memory database lives and dies with its connection. Rather than a shared-cache URI
/// (whose table-level locks fail with `SQLITE_LOCKED` instead of waiting), `.memory` uses the writer alone
/// for reads and writes; reads are still snapshot transactions and still refuse writes (`query_only`).
/// Every `Database(.memory)` is a separate, empty database — ideal for tests.
///
/// A file is opened with `journal_mode=WAL`, `synchronous=NORMAL` (durable across application crashes; a
/// power loss can drop the last transactions but never corrupts), `foreign_keys=ON` and a busy timeout, then
/// brought up to date by `migrations` before any reader opens.
public final class Database: Sendable {
    /// Where the database lives.
    public enum Location: Sendable, Hashable {
        /// A file, created if missing.
        case file(String)
        /// A private in-memory database.
        case memory

        /// `":memory:"` means `.memory`; anything else is a file path.
        public init(path: String) {
            self = path == ":memory:" ? .memory : .file(path)
        }
    }

    /// Tuning knobs, with defaults suited to the gateway on a small machine.
    public struct Options: Sendable {
        /// Read-only connections for a file database (at least 1; ignored for `.memory`).
        public var readerCount: Int
        /// How long a statement waits for another process's lock before failing with `SQLITE_BUSY`.
        public var busyTimeout: Duration
        /// Prepared statements kept per connection.
        public var statementCacheCapacity: Int

        /// Makes options.
        public init(readerCount: Int = 4, busyTimeout: Duration = .seconds(5), statementCacheCapacity: Int = 64) {
            self.readerCount = readerCount
            self.busyTimeout = busyTimeout
            self.statementCacheCapacity = statementCacheCapacity
        }
    }

    /// Where this database lives.
    public let location: Location
    /// The schema version after migrations ran at open (0 without migrations).
    public let schemaVersion: Int
    /// The journal mode in effect: "wal" for files, "memory" for `.memory`.
    public let journalMode: String
    let writer: ConnectionPool
    let readers: ConnectionPool

    /// Opens (creating if needed) the database, configures it and applies pending `migrations`.
    ///
    /// Blocks while migrations run; call it once at start-up. Throws `.schemaTooNew` for a database written
    /// by a newer build, `.migrationFailed` (with the version left unchanged) when a migration fails.
    public init(_ location: Location, migrations: [Migration] = [], options: Options = Options()) throws {
        self.location = location
        let path: String
        switch location {
        case .file(let file): path = file
        case .memory: path = ":memory:"
        }
        let timeout = Self.milliseconds(options.busyTimeout)
        let writeFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let connection = try SQLConnection(path: path, flags: writeFlags, cacheCapacity: options.statementCacheCapacity)
        sqlite3_busy_timeout(connection.handle, timeout)
        let mode = try connection.queryOne(location == .memory ? "PRAGMA journal_mode" : "PRAGMA journal_mode = WAL")
        journalMode = try mode?.get(0, as: String.self)?.lowercased() ?? "unknown"
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute("PRAGMA foreign_keys = ON")
        schemaVersion = try Migrator.migrate(connection, migrations)
        writer = ConnectionPool(connections: [connection], label: "switchboard.store.writer")

        guard location != .memory else {
            readers = writer
            return
        }
        let readFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        let readerConnections = try (0..<max(options.readerCount, 1)).map { _ in
            let reader = try SQLConnection(path: path, flags: readFlags, cacheCapacity: options.statementCacheCapacity)
            sqlite3_busy_timeout(reader.handle, timeout)
            return reader
        }
        readers = ConnectionPool(connections: readerConnections, label: "switchboard.store.reader")
    }

    /// The file path, or nil for `.memory`.
    public var path: String? {
        if case .file(let path) = location { return path }
        return nil
    }

    /// Whether reads share the writer connection (`.memory`).
    var readsOnWriter: Bool {
        readers === writer
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return seconds < 0 ? 0 : Int32.max }
        let millis = total.partialValue + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(millis, 0))
    }
}
