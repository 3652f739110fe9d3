import HTTPCore
import Synchronization

/// Remembers which recording answered a request whose answer cannot change: no body, no fault, no scenario, a
/// fixed response body. Keyed by method, request-target and the values of every header that recordings of
/// providers without scenarios look at, which is all that matching such a request reads, so a repeated request
/// (an SDK listing models, a health probe, a benchmark) skips matching, and even finding its provider. Bounded:
/// cleared whenever it holds `limit` requests.
final class SelectionMemo: Sendable {
    static let limit = 4096

    /// The method, the request-target and the values of the matched headers, as one run of bytes: hashed in one
    /// pass and compared with one `memcmp`.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]

        /// `method SP target`, then per header a 4-byte length (all ones when absent) and the value.
        init(method: HTTPMethod, target: String, headers: HTTPHeaders, names: [String]) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(method.rawValue.utf8.count + target.utf8.count + 64)
            bytes.appendUTF8(method.rawValue)
            bytes.append(0x20)
            bytes.appendUTF8(target)
            for name in names {
                let value = headers.valueBytes(for: name)
                let length = value.map { UInt32(truncatingIfNeeded: $0.count) } ?? .max
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> shift)) }
                if let value { bytes.append(contentsOf: value) }
            }
            self.bytes = bytes
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
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
