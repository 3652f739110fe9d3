import HTTPCore
import Synchronization

/// Remembers which recording answered a request whose answer cannot change: no body, no fault, no scenario, a
/// fixed response body. Keyed by method, request-target and the values of every header the provider's recordings
/// look at, which is all that matching such a request reads, so a repeated request (an SDK listing models, a
/// health probe, a benchmark) skips matching. Bounded: cleared whenever it holds `limit` requests.
final class SelectionMemo: Sendable {
    static let limit = 4096

    struct Key: Hashable, Sendable {
        let method: HTTPMethod
        let target: String
        let headers: [String?]
    }

    private let entries = Mutex<[Key: Recording]>([:])

    /// The recording chosen before for the same request.
    func recording(for key: Key) -> Recording? {
        entries.withLock { $0[key] }
    }

    /// Remembers a choice.
    func remember(_ recording: Recording, for key: Key) {
        entries.withLock { entries in
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = recording
        }
    }
}
