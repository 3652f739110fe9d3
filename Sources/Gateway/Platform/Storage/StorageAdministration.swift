/// What a store reports about itself (seed 001 `db/status`).
public struct StorageStatus: Sendable, Equatable {
    /// One table (or collection) and how many records it holds.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var rowCount: Int64

        public init(name: String, rowCount: Int64) {
            self.name = name
            self.rowCount = rowCount
        }
    }

    /// Where the data lives, or nil when it lives only in memory.
    public var path: String?
    /// Whether the data is lost on restart unless exported.
    public var isMemory: Bool
    /// Bytes on disk, everything the store keeps included (0 in memory).
    public var sizeBytes: Int64
    /// The store's durability mode ("wal" for SQLite files).
    public var mode: String
    /// The highest applied schema migration.
    public var schemaVersion: Int
    /// Every table, by name, counted in one snapshot.
    public var tables: [Table]

    public init(path: String?, isMemory: Bool, sizeBytes: Int64, mode: String, schemaVersion: Int, tables: [Table]) {
        self.path = path
        self.isMemory = isMemory
        self.sizeBytes = sizeBytes
        self.mode = mode
        self.schemaVersion = schemaVersion
        self.tables = tables
    }
}

/// What an export wrote (seed 001 `db/export`).
public struct StorageExport: Sendable, Equatable {
    public var path: String
    public var sizeBytes: Int64

    public init(path: String, sizeBytes: Int64) {
        self.path = path
        self.sizeBytes = sizeBytes
    }
}

/// The store as a whole, for operators: what it is, how it is doing, and a consistent copy of it.
public protocol StorageAdministration: Sendable {
    /// The engine's name as status reports show it ("sqlite").
    var kind: String { get }
    /// Where the data lives, or nil when it lives only in memory.
    var path: String? { get }
    /// Size, mode and record counts, from one consistent snapshot.
    func status() async throws -> StorageStatus
    /// Writes a standalone, consistent copy of the live data to `path`, replacing it atomically.
    func export(to path: String) async throws -> StorageExport
}
