import HTTPCore
import Synchronization

/// Remembers which recording answered a request whose answer cannot change: no body, no fault, no scenario, a
/// fixed response body. Keyed by method, request-target and the values of every header that recordings of
/// providers without scenarios look at, which is all that matching such a request reads, so a repeated request
/// (an SDK listing models, a health probe, a benchmark) skips matching, and even finding its provider. Bounded:
/// cleared whenever it holds `limit` requests.
final class SelectionMemo: Sendable {
    static let limit = 4096

    struct Key: Hashable, Sendable {
        let method: HTTPMethod
        let target: String
        let headers: [String?]
    }

    /// A remembered choice, with what the journal needs.
    struct Entry: Sendable {
        let recording: Recording
        let provider: Provider
        /// The path after the provider prefix.
        let path: String
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
