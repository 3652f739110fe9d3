import Foundation
internal import COpenSSL

/// HMAC with SHA-256 (RFC 2104, FIPS 198-1) computed by OpenSSL's `EVP_Q_mac`.
public enum HMACSHA256 {
    /// The authentication code length, 32 bytes (RFC 4231 §2).
    public static let byteCount = 32

    /// Returns the 32-byte HMAC-SHA256 of `message` under `key`, of any length (RFC 2104 §2).
    ///
    /// Traps only if OpenSSL cannot run HMAC at all (allocation failure or a broken provider), never on input.
    public static func authenticationCode(for message: some DataProtocol, key: some DataProtocol) -> Data {
        let input = [UInt8](message)
        // A non-empty buffer, so OpenSSL is never handed a null key pointer for an empty key.
        let keyBytes = [UInt8](key) + [0]
        var code = [UInt8](repeating: 0, count: byteCount)
        var length = 0
        let result = EVP_Q_mac(
            nil, "HMAC", nil, "SHA256", nil,
            keyBytes, keyBytes.count - 1, input, input.count, &code, code.count, &length
        )
        precondition(result != nil && length == byteCount, "HMACSHA256: OpenSSL EVP_Q_mac failed")
        return Data(code)
    }

    /// Checks `code` against the HMAC-SHA256 of `message` in constant time (RFC 2104 §5, RFC 4231 §2).
    public static func isValidAuthenticationCode(
        _ code: some DataProtocol, for message: some DataProtocol, key: some DataProtocol
    ) -> Bool {
        constantTimeEquals(code, authenticationCode(for: message, key: key))
    }
}
