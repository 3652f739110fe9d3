import Foundation

/// Signs and verifies HS256 JSON Web Tokens (RFC 7519) as JWS compact serializations (RFC 7515 §7.1, RFC 7518 §3.2).
///
/// Verification accepts only `alg: HS256` (never `none`, RFC 8725 §3.1), compares the signature in constant time,
/// then checks `exp`, `nbf` and `iat` against `clock` with `leeway` seconds of allowance for clock skew.
/// RFC 7518 §3.2 asks for a key of at least 32 bytes; `SecureRandom.bytes(count: 32)` makes one.
public struct JWTSigner: Sendable, CustomStringConvertible {
    /// The leeway used unless another is given: 60 seconds.
    public static let defaultLeeway: TimeInterval = 60

    /// The protected header every token this signer makes carries (RFC 7519 §3.1 with the JWT `typ`).
    static let header = #"{"alg":"HS256","typ":"JWT"}"#

    private let key: SecretBytes
    /// Seconds of allowance for clock skew when checking `exp`, `nbf` and `iat` (RFC 7519 §4.1.4).
    public let leeway: TimeInterval
    private let clock: @Sendable () -> Date

    /// Makes a signer for `key`; `clock` tells verification the time and can be fixed in tests.
    public init(
        key: some DataProtocol, leeway: TimeInterval = defaultLeeway, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.key = SecretBytes(key)
        self.leeway = leeway
        self.clock = clock
    }

    /// Makes `header.payload.signature` from `claims` (RFC 7515 §5.1), the JSON with sorted keys.
    public func sign(_ claims: JWTClaims) throws(JWTError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let payload = try? encoder.encode(claims.values) else { throw .unencodableClaims }
        let signingInput = Base64URL.encode(Data(Self.header.utf8)) + "." + Base64URL.encode(payload)
        return signingInput + "." + signature(forSigningInput: signingInput)
    }

    /// Checks a token's header, signature and time claims (RFC 7519 §7.2) and returns its claims.
    public func verify(_ token: String) throws(JWTError) -> JWTClaims {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count == 3 else { throw .malformed }
        let header = try Self.decodeObject(segments[0])
        guard let algorithm = header["alg"]?.stringValue else { throw .malformed }
        guard algorithm == "HS256" else { throw .unsupportedAlgorithm }
        guard header["crit"] == nil else { throw .malformed }

        guard let signature = Base64URL.decode(segments[2]) else { throw .malformed }
        let expected = HMACSHA256.authenticationCode(for: Data((segments[0] + "." + segments[1]).utf8), key: key.bytes)
        guard constantTimeEquals(signature, expected) else { throw .badSignature }

        let claims = JWTClaims(try Self.decodeObject(segments[1]))
        try checkTimes(claims, now: clock().timeIntervalSince1970)
        return claims
    }

    /// The base64url HMAC-SHA256 of an exact signing input, `ASCII(header.payload)` (RFC 7515 §5.1 steps 5–6).
    func signature(forSigningInput signingInput: String) -> String {
        Base64URL.encode(HMACSHA256.authenticationCode(for: Data(signingInput.utf8), key: key.bytes))
    }

    /// Applies `exp` (RFC 7519 §4.1.4), `nbf` (§4.1.5) and `iat` (§4.1.6), each widened by `leeway`.
    private func checkTimes(_ claims: JWTClaims, now: TimeInterval) throws(JWTError) {
        let expiry = try Self.numericDate(claims["exp"])
        let notBefore = try Self.numericDate(claims["nbf"])
        let issuedAt = try Self.numericDate(claims["iat"])
        if let expiry, now >= expiry + leeway { throw .expired }
        if let notBefore, now < notBefore - leeway { throw .notYetValid }
        if let issuedAt, issuedAt > now + leeway { throw .issuedInFuture }
    }

    /// A time claim's seconds, `nil` when absent; anything but a number is malformed (RFC 7519 §2 NumericDate).
    private static func numericDate(_ value: JWTClaimValue?) throws(JWTError) -> TimeInterval? {
        guard let value else { return nil }
        guard let seconds = value.numberValue else { throw .malformed }
        return seconds
    }

    /// Decodes one base64url segment holding a JSON object (RFC 7515 §5.2 steps 2–4, RFC 7519 §7.2 step 10).
    private static func decodeObject(_ segment: String) throws(JWTError) -> [String: JWTClaimValue] {
        guard let json = Base64URL.decode(segment),
              let object = try? JSONDecoder().decode([String: JWTClaimValue].self, from: json)
        else { throw .malformed }
        return object
    }

    /// A description that shows the leeway and never the key.
    public var description: String { "JWTSigner(HS256, key: \(key), leeway: \(leeway)s)" }
}
