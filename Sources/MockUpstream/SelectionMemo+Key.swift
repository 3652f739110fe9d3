import Foundation
import HTTPCore

extension SelectionMemo {
    /// What decides the choice for a request without a body, as one run of bytes, digested once.
    ///
    /// The run is `method SP target`, then for each of `names` a 4-byte length (all ones when the field is
    /// absent) and the first value's bytes. Lengths make it unambiguous, so equal runs mean equal requests as far
    /// as matching can tell; the mock's fault and recording headers are among the names, so a request that carries
    /// either never shares a key with one that does not.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]
        let digest: UInt64

        /// The key of a request; `names` are lowercase ASCII.
        init(method: HTTPMethod, target: String, headers: HTTPHeaders, names: [[UInt8]]) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(method.rawValue.utf8.count + target.utf8.count + 5 * names.count + 64)
            var method = method.rawValue, target = target
            method.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x20)
            target.withUTF8 { bytes.append(contentsOf: $0) }
            headers.withFirstValues(ofLowercased: names) { _, value in
                let length = value.map { UInt32(truncatingIfNeeded: $0.count) } ?? .max
                bytes.append(UInt8(truncatingIfNeeded: length))
                bytes.append(UInt8(truncatingIfNeeded: length >> 8))
                bytes.append(UInt8(truncatingIfNeeded: length >> 16))
                bytes.append(UInt8(truncatingIfNeeded: length >> 24))
                if let value { bytes.append(contentsOf: value) }
            }
            self.bytes = bytes
            digest = Self.digest(bytes)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func == (left: Key, right: Key) -> Bool {
            guard left.digest == right.digest, left.bytes.count == right.bytes.count else { return false }
            return left.bytes.withUnsafeBytes { lhs in
                right.bytes.withUnsafeBytes { rhs in
                    lhs.isEmpty || memcmp(lhs.baseAddress!, rhs.baseAddress!, lhs.count) == 0
                }
            }
        }

        /// A 64-bit digest of the bytes, eight at a time, with SplitMix64's multiply–xorshift mixing.
        ///
        /// Not cryptographic: it only spreads keys over the table, which hashes the digest again with its own
        /// seed. Hasher's SipHash over the same bytes cost several times as many instructions.
        static func digest(_ bytes: [UInt8]) -> UInt64 {
            bytes.withUnsafeBytes { raw in
                var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count) << 32
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
}
