import Foundation

/// Key bytes that never appear in `print`, `dump`, string interpolation or error messages.
///
/// Equality is constant-time (OpenSSL `CRYPTO_memcmp`), so comparing keys leaks nothing but their lengths.
struct SecretBytes: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let bytes: [UInt8]

    init(_ bytes: some DataProtocol) {
        self.bytes = [UInt8](bytes)
    }

    var count: Int { bytes.count }

    var description: String { "<redacted \(bytes.count) bytes>" }

    var debugDescription: String { description }

    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        constantTimeEquals(lhs.bytes, rhs.bytes)
    }
}
