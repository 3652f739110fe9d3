/// Running work on the database's connections: async for request handlers, blocking for the command line.
extension Database {
    /// Runs `body` on a reader connection inside one read transaction (a consistent snapshot).
    @discardableResult
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLConnection) throws -> T) async throws -> T {
        let guarded = readsOnWriter
        return try await readers.run { connection in try Self.snapshot(connection, guarded: guarded, body) }
    }

    /// Runs `body` on the writer connection, serialized with every other write; each statement autocommits.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLConnection) throws -> T) async throws -> T {
        try await writer.run { connection in try Self.closed(connection, body) }
    }

    /// Runs `body` on the writer inside `BEGIN IMMEDIATE`: committed on return, rolled back on throw.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (SQLConnection) throws -> T) async throws -> T {
        try await writer.run { connection in try connection.transaction(.immediate, body) }
    }

    /// Blocking `read`, for the command line; never call it from async code.
    @discardableResult
    public func readSync<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        let guarded = readsOnWriter
        return try readers.runBlocking { connection in try Self.snapshot(connection, guarded: guarded, body) }
    }

    /// Blocking `write`, for the command line; never call it from async code.
    @discardableResult
    public func writeSync<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        try writer.runBlocking { connection in try Self.closed(connection, body) }
    }

    /// Blocking `transaction`, for the command line; never call it from async code.
    @discardableResult
    public func transactionSync<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        try writer.runBlocking { connection in try connection.transaction(.immediate, body) }
    }

    /// Runs a write closure and refuses to hand the writer on with a transaction the closure left open.
    private static func closed<T>(_ connection: SQLConnection, _ body: (SQLConnection) throws -> T) throws -> T {
        let result: T
        do {
            result = try body(connection)
        } catch {
            if connection.isInTransaction {
                _ = try? connection.execute("ROLLBACK")
            }
            throw error
        }
        guard !connection.isInTransaction else {
            _ = try? connection.execute("ROLLBACK")
            throw StoreError(kind: .misuse, message: "a write closure left a transaction open; it was rolled back "
                + "(use transaction { } instead of BEGIN)")
        }
        return result
    }

    /// Runs a read in a deferred transaction; on the shared writer, `query_only` makes writes fail as on readers.
    private static func snapshot<T>(_ connection: SQLConnection, guarded: Bool,
                                    _ body: (SQLConnection) throws -> T) throws -> T {
        guard guarded else { return try connection.transaction(.deferred, body) }
        try connection.execute("PRAGMA query_only = ON")
        defer { _ = try? connection.execute("PRAGMA query_only = OFF") }
        return try connection.transaction(.deferred, body)
    }
}
