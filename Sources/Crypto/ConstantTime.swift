import Foundation
internal import COpenSSL

/// Compares two byte strings in time that depends only on their lengths (OpenSSL `CRYPTO_memcmp`).
///
/// Different lengths return `false` at once: the length is the only thing the timing reveals, which is public for
/// every value this module compares (MACs, digests, tokens of a fixed size).
public func constantTimeEquals(_ lhs: some DataProtocol, _ rhs: some DataProtocol) -> Bool {
    let left = [UInt8](lhs)
    let right = [UInt8](rhs)
    guard left.count == right.count else { return false }
    guard !left.isEmpty else { return true }
    return CRYPTO_memcmp(left, right, left.count) == 0
}
