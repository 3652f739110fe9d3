/// Prepared statements of one connection keyed by SQL text, evicting the least recently used past `capacity`.
struct StatementCache {
    private struct Entry {
        let statement: Statement
        var lastUse: UInt64
    }

    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// How many statements are cached.
    var count: Int { entries.count }

    /// The cached statement for `sql`, marked as just used.
    mutating func statement(for sql: String) -> Statement? {
        clock &+= 1
        entries[sql]?.lastUse = clock
        return entries[sql]?.statement
    }

    /// Caches a statement, evicting (and so finalizing) the least recently used one when full.
    mutating func insert(_ statement: Statement) {
        guard capacity > 0 else { return }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
        }
        clock &+= 1
        entries[statement.sql] = Entry(statement: statement, lastUse: clock)
    }

    /// Finalizes every cached statement.
    mutating func removeAll() {
        entries.removeAll()
    }
}
