import Foundation
import HTTPCore
import Synchronization

/// Remembers which recording answered a request whose answer cannot change: no body, no fault, no scenario, a
/// fixed response body. Keyed by method, request-target and the bytes of the header section, which hold all that
/// matching such a request reads, so a repeated request (an SDK listing models, a health probe, a benchmark)
/// skips matching, and even finding its provider. A request that differs in any header byte is matched again
/// (and remembered too). Bounded: cleared whenever it holds `limit` requests.
final class SelectionMemo: Sendable {
    static let limit = 4096

    /// The request's method, target and header bytes; the bytes are shared with the request, not copied.
    struct Key: Hashable, Sendable {
        let method: HTTPMethod
        let target: String
        let fields: [UInt8]
        /// A digest of the target's length and the field bytes (a parsed head's bytes hold the target too).
        let digest: UInt64

        init(method: HTTPMethod, target: String, headers: HTTPHeaders) {
            self.method = method
            self.target = target
            fields = headers.bytes
            digest = Self.digest(fields, seed: UInt64(target.utf8.count))
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func == (left: Key, right: Key) -> Bool {
            guard left.digest == right.digest, left.fields.count == right.fields.count, left.method == right.method,
                  left.target == right.target else { return false }
            return left.fields.withUnsafeBytes { lhs in
                right.fields.withUnsafeBytes { rhs in
                    lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0
                }
            }
        }

        /// Eight bytes at a time with multiply–xorshift mixing (SplitMix64's constants), not cryptographic: it only
        /// spreads keys over the table, which then hashes the digest with its own seed. Hasher's SipHash over a
        /// whole head cost about 600 instructions a request; this costs about a fifth of that.
        static func digest(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
            bytes.withUnsafeBytes { raw in
                var hash = 0x9E37_79B9_7F4A_7C15 ^ seed ^ UInt64(raw.count) << 32
                var offset = 0
                while offset + 8 <= raw.count {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                    hash ^= hash >> 31
                    offset += 8
                }
                var last: UInt64 = 0
                while offset < raw.count {
                    last = last << 8 | UInt64(raw[offset])
                    offset += 1
                }
                hash = (hash ^ last) &* 0x94D0_49BB_1331_11EB
                return hash ^ hash >> 29
            }
        }
    }

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
