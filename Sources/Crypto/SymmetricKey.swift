import Foundation

/// A 256-bit AES key (FIPS 197 §5); its description and mirror never show the key bytes.
public struct SymmetricKey: Sendable, Equatable, CustomStringConvertible {
    /// The AES-256 key length, 32 bytes (FIPS 197 §5).
    public static let byteCount = 32

    let secret: SecretBytes

    /// Wraps exactly 32 raw key bytes (FIPS 197 §5, AES-256).
    public init(bytes: some DataProtocol) throws(SymmetricKeyError) {
        guard bytes.count == Self.byteCount else { throw .invalidLength }
        secret = SecretBytes(bytes)
    }

    /// Reads a key written as 64 hex digits (RFC 4648 §8), padded base64 (§4) or unpadded base64url (§5).
    ///
    /// Surrounding whitespace is ignored, so the text can come straight from a key file or an environment variable.
    public init(encoded text: String) throws(SymmetricKeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let candidates = [Hex.decode(trimmed), Base64.decode(trimmed), Base64URL.decode(trimmed)].compactMap { $0 }
        guard !candidates.isEmpty else { throw .invalidEncoding }
        guard let bytes = candidates.first(where: { $0.count == Self.byteCount }) else { throw .invalidLength }
        try self.init(bytes: bytes)
    }

    /// Makes a fresh random key from OpenSSL's CSPRNG (`RAND_bytes`, NIST SP 800-90A).
    public static func generate() -> SymmetricKey {
        SymmetricKey(secret: SecretBytes(SecureRandom.array(count: byteCount)))
    }

    private init(secret: SecretBytes) {
        self.secret = secret
    }

    /// The key as padded base64 (RFC 4648 §4), for saving a generated master key; treat the result as a secret.
    public func base64EncodedString() -> String {
        Base64.encode(secret.bytes)
    }

    /// A description that names the algorithm and never the key bytes.
    public var description: String { "SymmetricKey(AES-256, redacted)" }
}

/// Why a key could not be read (FIPS 197 §5 key length, RFC 4648 encodings); never carries key material.
public enum SymmetricKeyError: Error, Equatable, Sendable {
    /// The bytes are not exactly 32 long.
    case invalidLength
    /// The text is neither hexadecimal, padded base64 nor unpadded base64url.
    case invalidEncoding
}
