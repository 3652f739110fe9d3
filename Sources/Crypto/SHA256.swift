import Foundation
internal import COpenSSL

/// SHA-256 message digests (FIPS 180-4 §6.2) computed by OpenSSL's `EVP_Digest`.
public enum SHA256 {
    /// The digest length, 32 bytes (FIPS 180-4 §1).
    public static let byteCount = 32

    /// Returns the 32-byte SHA-256 digest of `data` (FIPS 180-4 §6.2).
    ///
    /// Traps only if OpenSSL cannot run SHA-256 at all (allocation failure or a broken provider), never on input.
    public static func hash(_ data: some DataProtocol) -> Data {
        let input = [UInt8](data)
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let status = EVP_Digest(input, input.count, &digest, &length, EVP_sha256(), nil)
        precondition(status == 1 && length == UInt32(byteCount), "SHA256: OpenSSL EVP_Digest failed")
        return Data(digest)
    }
}
