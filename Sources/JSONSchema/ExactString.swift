import Foundation

/// A string compared code point by code point (RFC 8259 §8.3), not by canonical equivalence as `String` is,
/// so `"é"` (U+00E9) and `"e\u{301}"` are different keys and different values, as JSON Schema requires.
struct ExactString: Hashable, Sendable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        lhs.value.isIdentical(to: rhs.value)
    }

    /// `String`'s hash: identical strings are canonically equivalent, so they hash alike.
    func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

extension String {
    /// Whether both strings have the same Unicode scalars (equivalently, the same UTF-8 bytes).
    func isIdentical(to other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let contiguous: Bool?? = utf8.withContiguousStorageIfAvailable { leftBytes in
            other.utf8.withContiguousStorageIfAvailable { rightBytes in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                return memcmp(leftBase, rightBase, count) == 0
            }
        }
        if let result = contiguous ?? nil { return result }
        return utf8.elementsEqual(other.utf8)
    }
}
