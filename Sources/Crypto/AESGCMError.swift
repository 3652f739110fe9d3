/// Why AES-256-GCM sealing or opening failed (NIST SP 800-38D §7); never carries key, nonce or plaintext bytes.
public enum AESGCMError: Error, Equatable, Sendable {
    /// The sealed bytes are shorter than a nonce and a tag (28 bytes), so they cannot be a sealed message.
    case truncated
    /// The tag did not verify: wrong key or additional data, or a changed nonce, ciphertext or tag (SP 800-38D §7.2).
    case authenticationFailed
    /// An OpenSSL EVP call failed for a reason unrelated to the input (allocation, provider).
    case backendFailure
}
