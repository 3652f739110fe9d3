import Foundation
import HTTPCore
import Synchronization

/// Every request the mock received, in order, for tests to query (`count`, `last`, `unmatched`, filters).
///
/// It keeps the newest `limit` entries, so a long benchmark does not grow without bound.
public final class Journal: Sendable {
    /// A ring of the newest `limit` entries: appending never moves the others.
    private struct Storage {
        var ring: [JournalEntry] = []
        /// Where the oldest entry is once the ring is full (and where the next one goes).
        var start = 0
        var nextID = 1

        /// Entries oldest first.
        var ordered: [JournalEntry] { Array(ring[start...] + ring[..<start]) }
    }

    private let storage = Mutex(Storage())
    /// The most entries kept; older ones are dropped.
    public let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Adds an entry, assigning its id. The lock is held to place it (swapped in, so nothing is copied); the
    /// entry it replaces is released after.
    func append(_ make: (Int) -> JournalEntry) {
        let replaced: JournalEntry? = storage.withLock { storage in
            var entry = make(storage.nextID)
            storage.nextID += 1
            guard storage.ring.count >= limit else {
                storage.ring.append(entry)
                return nil
            }
            swap(&entry, &storage.ring[storage.start])
            storage.start = (storage.start + 1) % limit
            return entry
        }
        _ = replaced
    }

    /// Entries in arrival order, filtered by provider, method and path (relative to the provider prefix).
    public func entries(provider: Provider? = nil, method: HTTPMethod? = nil, path: String? = nil) -> [JournalEntry] {
        let all = storage.withLock { $0.ordered }
        return all.filter { entry in
            (provider == nil || entry.provider == provider)
                && (method == nil || entry.method == method)
                && (path == nil || entry.path == path)
        }
    }

    /// Entries matching the filters given as text (the admin API's query parameters).
    func entries(provider: String?, method: String?, path: String?, unmatchedOnly: Bool) -> [JournalEntry] {
        let all = storage.withLock { $0.ordered }
        return all.filter { entry in
            (provider == nil || entry.provider?.rawValue == provider)
                && (method == nil || entry.method.rawValue == method)
                && (path == nil || entry.path == path)
                && (!unmatchedOnly || entry.recording == nil)
        }
    }

    /// How many entries there are.
    public var count: Int { storage.withLock { $0.ring.count } }

    /// The newest entry.
    public var last: JournalEntry? {
        storage.withLock { $0.ring.isEmpty ? nil : $0.ring[($0.start + $0.ring.count - 1) % $0.ring.count] }
    }

    /// Entries no recording matched.
    public var unmatched: [JournalEntry] { entries().filter { $0.recording == nil } }

    /// Removes every entry (ids keep counting up).
    public func clear() {
        storage.withLock { storage in
            storage.ring.removeAll()
            storage.start = 0
        }
    }
}
