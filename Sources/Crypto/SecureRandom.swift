import Foundation
internal import COpenSSL

/// Cryptographically secure random bytes and tokens from OpenSSL's CSPRNG (`RAND_bytes`, NIST SP 800-90A DRBG).
public enum SecureRandom {
    /// Returns `count` random bytes from `RAND_bytes`; `count` must not be negative.
    ///
    /// Traps if OpenSSL cannot produce randomness, as the standard library's `SystemRandomNumberGenerator` does:
    /// carrying on with predictable keys, nonces or tokens would be worse than stopping.
    public static func bytes(count: Int) -> Data {
        Data(array(count: count))
    }

    /// Returns a URL-safe token (base64url without padding, RFC 4648 §5) of `bytes` random bytes, for API keys.
    public static func token(bytes: Int = 32) -> String {
        Base64URL.encode(array(count: bytes))
    }

    /// Returns a lowercase hexadecimal token (RFC 4648 §8) of `bytes` random bytes.
    public static func hexToken(bytes: Int = 32) -> String {
        Hex.encode(array(count: bytes))
    }

    /// Random bytes as an array, filled by `RAND_bytes` in chunks that fit its `int` length.
    static func array(count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom: negative byte count")
        var buffer = [UInt8](repeating: 0, count: count)
        let filled = buffer.withUnsafeMutableBufferPointer { pointer -> Bool in
            var offset = 0
            while offset < count {
                let chunk = min(count - offset, Int(Int32.max))
                guard let base = pointer.baseAddress, RAND_bytes(base + offset, Int32(chunk)) == 1 else {
                    return false
                }
                offset += chunk
            }
            return true
        }
        precondition(filled, "SecureRandom: OpenSSL RAND_bytes failed")
        return buffer
    }
}
