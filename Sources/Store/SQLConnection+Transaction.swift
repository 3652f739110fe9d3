import CSQLite

/// How the outermost transaction takes its locks (https://sqlite.org/lang_transaction.html).
public enum TransactionKind: String, Sendable {
    /// Takes locks on first use: right for read-only snapshots.
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a read-modify-write cannot fail half-way with SQLITE_BUSY.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode the same as immediate.
    case exclusive = "EXCLUSIVE"
}

extension SQLConnection {
    /// Runs `body` in a transaction: commits on return, rolls back on throw; nested calls use SAVEPOINTs.
    ///
    /// The outermost call issues `BEGIN <kind>` (immediate by default, as writes need); a call made while a
    /// transaction is open becomes `SAVEPOINT`, so an inner failure undoes only the inner work and the outer
    /// transaction can carry on. The error from `body` is rethrown unchanged.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (SQLConnection) throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR…); only roll back if open.
            if isInTransaction {
                _ = try? execute("ROLLBACK")
            }
            throw error
        }
    }

    private func savepoint<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "sb_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body(self)
            try execute("RELEASE \(name)")
            return result
        } catch {
            if isInTransaction {
                _ = try? execute("ROLLBACK TO \(name)")
                _ = try? execute("RELEASE \(name)")
            }
            throw error
        }
    }
}
