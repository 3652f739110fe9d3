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

    private let entries = Mutex<[Key: Entry]>([:])

    /// The choice made before for the same request.
    func entry(for key: Key) -> Entry? {
        entries.withLock { $0[key] }
    }

    /// Remembers a choice.
    func remember(_ entry: Entry, for key: Key) {
        entries.withLock { entries in
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
