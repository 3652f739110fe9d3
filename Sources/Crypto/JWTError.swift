/// Why a JWT could not be signed or verified (RFC 7519 §7.2, RFC 7515 §5.2); never carries key or token bytes.
public enum JWTError: Error, Equatable, Sendable {
    /// Not three base64url segments of a JSON-object header and payload, a header naming `crit` extensions, or a
    /// registered time claim (`exp`, `nbf`, `iat`) that is not a number.
    case malformed
    /// The header's `alg` is anything but `HS256`, including `none` (RFC 8725 §3.1).
    case unsupportedAlgorithm
    /// The HMAC-SHA256 signature does not match (RFC 7515 §5.2 step 8).
    case badSignature
    /// The clock is at or past `exp` plus the leeway (RFC 7519 §4.1.4).
    case expired
    /// The clock is before `nbf` minus the leeway (RFC 7519 §4.1.5).
    case notYetValid
    /// `iat` is later than the clock plus the leeway (a local rule; RFC 7519 §4.1.6 only defines the claim).
    case issuedInFuture
    /// The claims hold a value JSON cannot carry, such as a NaN or infinite number (RFC 8259 §6).
    case unencodableClaims
}
