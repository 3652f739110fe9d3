import Crypto

/// The one API key format, written so every surface's documented form is natural:
///
/// - `sk_<id>_<secret>`: seed 002's `Authorization: Bearer sk_…`, and as-is for seed 000
///   (`Authorization: Api-Key <key>`, `Token <key>`) and seed 001 (`Bearer`, `X-API-Key`, cookie `token`).
/// - `apiKey.<id>.<secret>`: the same key in seed 003's `x-api-key` form.
///
/// `id` is 16 lowercase hex digits (the lookup key, not secret); `secret` is 64 lowercase hex digits
/// (32 random bytes). Only SHA-256 of the secret is stored.
public struct APIKeySecret: Sendable, Equatable {
    public let id: String
    public let secret: String

    /// A fresh random key.
    public static func generate() -> APIKeySecret {
        APIKeySecret(id: SecureRandom.hexToken(bytes: 8), secret: SecureRandom.hexToken(bytes: 32))
    }

    /// The `sk_…` form.
    public var token: String { "sk_\(id)_\(secret)" }

    /// The seed 003 form, `apiKey.<id>.<secret>`.
    public var callableForm: String { "apiKey.\(id).\(secret)" }

    /// The stored hash of the secret, hex.
    public var secretHash: String { Self.hash(secret) }

    /// SHA-256 hex of a secret.
    static func hash(_ secret: String) -> String { Hex.encode(SHA256.hash(Array(secret.utf8))) }

    /// Reads either form; nil when the text is neither.
    public init?(parsing text: String) {
        let parts: [Substring]
        if text.hasPrefix("sk_") {
            parts = text.dropFirst(3).split(separator: "_", omittingEmptySubsequences: false)
        } else if text.hasPrefix("apiKey.") {
            parts = text.dropFirst(7).split(separator: ".", omittingEmptySubsequences: false)
        } else {
            return nil
        }
        guard parts.count == 2, Self.isHex(parts[0], count: 16), Self.isHex(parts[1], count: 64) else { return nil }
        self.init(id: String(parts[0]), secret: String(parts[1]))
    }

    init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    private static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
