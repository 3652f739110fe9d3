import HTTPCore
import Synchronization

/// Remembers which recording answered a request whose answer cannot change.
///
/// Such a request has no body, no fault and a provider without scenarios, and the recording has a fixed body.
/// Keyed by method, request-target and the values of every header that recordings of such providers match on
/// (see `Key`), which is all that matching such a request reads, so a repeated request (an SDK listing models, a
/// health probe, a benchmark) skips matching, and even finding its provider. Bounded: cleared whenever it holds
/// `limit` requests.
final class SelectionMemo: Sendable {
    static let limit = 4096

    /// A remembered choice: the response to send and the route to journal, shared by every repeat.
    final class Entry: Sendable {
        let response: HTTPResponse
        let route: JournalRoute

        init(response: HTTPResponse, route: JournalRoute) {
            self.response = response
            self.route = route
        }
    }

    /// Remembered keys by digest, each with its entry (a digest shared by two keys keeps both), and their count.
    private struct Table {
        var slots: [UInt64: [(key: Key, entry: Entry)]] = [:]
        var count = 0
    }

    private let table = Mutex(Table())

    /// The choice made before for the same request.
    func entry(for key: Key) -> Entry? {
        key.bytes.withUnsafeBufferPointer { entry(forBytes: $0, digest: key.digest) }
    }

    /// The choice made before for the request whose key bytes and digest these are (see `Key.withBytes`).
    func entry(forBytes bytes: UnsafeBufferPointer<UInt8>, digest: UInt64) -> Entry? {
        table.withLock { table in table.slots[digest]?.first { $0.key.holds(bytes) }?.entry }
    }

    /// Remembers a choice.
    func remember(_ entry: Entry, for key: Key) {
        table.withLock { table in
            if table.count >= Self.limit { table = Table() }
            var slot = table.slots[key.digest] ?? []
            if let known = slot.firstIndex(where: { $0.key == key }) {
                slot[known].entry = entry
            } else {
                slot.append((key, entry))
                table.count += 1
            }
            table.slots[key.digest] = slot
        }
    }
}
