import Foundation

/// AES-256-GCM authenticated encryption (NIST SP 800-38D) through OpenSSL EVP, with a fresh random nonce per message.
///
/// A sealed message is `nonce (12 bytes) ‖ ciphertext (as long as the plaintext) ‖ tag (16 bytes)`. The 96-bit
/// random nonce follows SP 800-38D §8.2.2; keep each key under 2^32 messages.
public enum AESGCM {
    /// The nonce length, 96 bits, the length SP 800-38D §5.2.1.1 recommends.
    public static let nonceByteCount = 12
    /// The tag length, 128 bits, the longest SP 800-38D §5.2.1.2 allows.
    public static let tagByteCount = 16
    /// How many bytes sealing adds to the plaintext: a nonce and a tag.
    public static let overheadByteCount = nonceByteCount + tagByteCount

    /// Encrypts `plaintext` and authenticates it with `aad` under a random nonce (SP 800-38D §7.1).
    ///
    /// - Returns: `nonce ‖ ciphertext ‖ tag`; `aad` is not included and must be supplied again to `open`.
    public static func seal(
        _ plaintext: some DataProtocol, key: SymmetricKey, aad: some DataProtocol = Data()
    ) throws(AESGCMError) -> Data {
        let nonce = SecureRandom.array(count: nonceByteCount)
        let sealed = try encrypt([UInt8](plaintext), key: key, nonce: nonce, aad: [UInt8](aad))
        return Data(nonce + sealed.ciphertext + sealed.tag)
    }

    /// Verifies and decrypts `nonce ‖ ciphertext ‖ tag` made by `seal` (SP 800-38D §7.2).
    ///
    /// - Throws: `.authenticationFailed` if the key, `aad` or any bit of the sealed bytes differs from sealing;
    ///   `.truncated` if the input is shorter than `overheadByteCount`.
    public static func open(
        _ sealed: some DataProtocol, key: SymmetricKey, aad: some DataProtocol = Data()
    ) throws(AESGCMError) -> Data {
        let bytes = [UInt8](sealed)
        guard bytes.count >= overheadByteCount else { throw .truncated }
        let nonce = Array(bytes[..<nonceByteCount])
        let ciphertext = Array(bytes[nonceByteCount..<(bytes.count - tagByteCount)])
        let tag = Array(bytes[(bytes.count - tagByteCount)...])
        return Data(try decrypt(ciphertext, key: key, nonce: nonce, aad: [UInt8](aad), tag: tag))
    }
}
