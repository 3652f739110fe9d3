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

        /// A key from bytes laid out by `withBytes` and their digest.
        init(bytes: [UInt8], digest: UInt64) {
            self.bytes = bytes
            self.digest = digest
        }

        /// The key of a request.
        init(method: HTTPMethod, target: String, headers: HTTPHeaders, names: [[UInt8]]) {
            (bytes, digest) = Self.withBytes(method: method, target: target, headers: headers, names: names) {
                (Array($0), $1)
            }
        }

        /// Lays the key out in a temporary buffer and hands it over with its digest: a lookup that finds the
        /// request allocates nothing.
        static func withBytes<Result>(method: HTTPMethod, target: String, headers: HTTPHeaders, names: [[UInt8]],
                                      _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Result) -> Result {
            var method = method.rawValue, target = target
            let capacity = method.utf8.count + 1 + target.utf8.count + 4 * names.count + headers.bytes.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var writer = Writer(base: buffer.baseAddress!, capacity: capacity)
                method.withUTF8 { writer.put($0) }
                writer.put(0x20)
                target.withUTF8 { writer.put($0) }
                headers.withFirstValues(of: names) { _, value in
                    let length = value.map { UInt32(truncatingIfNeeded: $0.count) } ?? .max
                    writer.put(UInt8(truncatingIfNeeded: length))
                    writer.put(UInt8(truncatingIfNeeded: length >> 8))
                    writer.put(UInt8(truncatingIfNeeded: length >> 16))
                    writer.put(UInt8(truncatingIfNeeded: length >> 24))
                    if let value { writer.put(value) }
                }
                let bytes = UnsafeBufferPointer(rebasing: buffer[..<writer.count])
                return body(bytes, digest(bytes))
            }
        }

        /// Appends to memory sized beforehand, trapping rather than writing past it (the size holds when the names
        /// are distinct, as `RecordingSet` makes them, since each value is then a different part of the fields).
        private struct Writer {
            let base: UnsafeMutablePointer<UInt8>
            let capacity: Int
            var count = 0

            mutating func put(_ byte: UInt8) {
                precondition(count < capacity, "memo key larger than its buffer")
                base[count] = byte
                count += 1
            }

            mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                precondition(count + bytes.count <= capacity, "memo key larger than its buffer")
                (base + count).update(from: source, count: bytes.count)
                count += bytes.count
            }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }

        static func == (left: Key, right: Key) -> Bool {
            left.digest == right.digest && right.bytes.withUnsafeBufferPointer { left.holds($0) }
        }

        /// Whether the key's bytes are exactly `other`.
        func holds(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.count == other.count && bytes.withUnsafeBufferPointer { mine in
                mine.isEmpty || memcmp(mine.baseAddress!, other.baseAddress!, mine.count) == 0
            }
        }

        /// A 64-bit digest of the bytes, eight at a time, with SplitMix64's multiply–xorshift mixing.
        ///
        /// Not cryptographic: it only spreads keys over the table, which hashes the digest again with its own
        /// seed. Hasher's SipHash over the same bytes cost several times as many instructions.
        static func digest(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let raw = UnsafeRawBufferPointer(bytes)
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
