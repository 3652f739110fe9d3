import Foundation
import HTTPCore
import Synchronization

/// Every request the mock received, in order, for tests to query (`count`, `last`, `unmatched`, filters).
///
/// It keeps the newest `limit` entries, so a long benchmark does not grow without bound.
public final class Journal: Sendable {
    private struct Storage {
        var entries: [JournalEntry] = []
        var nextID = 1
    }

    private let storage = Mutex(Storage())
    /// The most entries kept; older ones are dropped.
    public let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Adds an entry, assigning its id.
    func append(_ make: (Int) -> JournalEntry) {
        storage.withLock { storage in
            storage.entries.append(make(storage.nextID))
            storage.nextID += 1
            if storage.entries.count > limit + limit / 8 {
                storage.entries.removeFirst(storage.entries.count - limit)
            }
        }
    }

    /// Entries in arrival order, filtered by provider, method and path (relative to the provider prefix).
    public func entries(provider: Provider? = nil, method: HTTPMethod? = nil, path: String? = nil) -> [JournalEntry] {
        let all = storage.withLock { Array($0.entries.suffix(limit)) }
        return all.filter { entry in
            (provider == nil || entry.provider == provider)
                && (method == nil || entry.method == method)
                && (path == nil || entry.path == path)
        }
    }

    /// Entries matching the filters given as text (the admin API's query parameters).
    func entries(provider: String?, method: String?, path: String?, unmatchedOnly: Bool) -> [JournalEntry] {
        let all = storage.withLock { Array($0.entries.suffix(limit)) }
        return all.filter { entry in
            (provider == nil || entry.provider?.rawValue == provider)
                && (method == nil || entry.method.rawValue == method)
                && (path == nil || entry.path == path)
                && (!unmatchedOnly || entry.recording == nil)
        }
    }

    /// How many entries there are.
    public var count: Int { storage.withLock { min($0.entries.count, limit) } }

    /// The newest entry.
    public var last: JournalEntry? { storage.withLock { $0.entries.last } }

    /// Entries no recording matched.
    public var unmatched: [JournalEntry] { entries().filter { $0.recording == nil } }

    /// Removes every entry (ids keep counting up).
    public func clear() {
        storage.withLock { $0.entries.removeAll() }
    }
}
