import Foundation

/// A JWT claims set (RFC 7519 §4): the registered claims as typed properties over a JSON object of any claims.
public struct JWTClaims: Sendable, Hashable {
    /// Every claim by name, registered and custom alike.
    public var values: [String: JWTClaimValue]

    /// Wraps a JSON object of claims.
    public init(_ values: [String: JWTClaimValue] = [:]) {
        self.values = values
    }

    /// Builds a claims set from the registered claims (RFC 7519 §4.1) and any custom ones.
    public init(
        issuer: String? = nil, subject: String? = nil, audience: [String] = [], expiresAt: Date? = nil,
        notBefore: Date? = nil, issuedAt: Date? = nil, id: String? = nil, custom: [String: JWTClaimValue] = [:]
    ) {
        values = custom
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.id = id
    }

    /// Reads or writes any claim by name; `nil` removes it.
    public subscript(name: String) -> JWTClaimValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// `iss`, the principal that issued the token (RFC 7519 §4.1.1).
    public var issuer: String? {
        get { values["iss"]?.stringValue }
        set { values["iss"] = newValue.map(JWTClaimValue.string) }
    }

    /// `sub`, the principal the token is about (RFC 7519 §4.1.2).
    public var subject: String? {
        get { values["sub"]?.stringValue }
        set { values["sub"] = newValue.map(JWTClaimValue.string) }
    }

    /// `aud`, the intended recipients (RFC 7519 §4.1.3), written as one string when there is exactly one.
    public var audience: [String] {
        get {
            switch values["aud"] {
            case .string(let value): [value]
            case .array(let items): items.compactMap(\.stringValue)
            default: []
            }
        }
        set {
            switch newValue.count {
            case 0: values["aud"] = nil
            case 1: values["aud"] = .string(newValue[0])
            default: values["aud"] = .array(newValue.map(JWTClaimValue.string))
            }
        }
    }

    /// `exp`, the time on or after which the token must be rejected (RFC 7519 §4.1.4).
    public var expiresAt: Date? {
        get { Self.date(values["exp"]) }
        set { values["exp"] = Self.numericDate(newValue) }
    }

    /// `nbf`, the time before which the token must be rejected (RFC 7519 §4.1.5).
    public var notBefore: Date? {
        get { Self.date(values["nbf"]) }
        set { values["nbf"] = Self.numericDate(newValue) }
    }

    /// `iat`, the time the token was issued (RFC 7519 §4.1.6).
    public var issuedAt: Date? {
        get { Self.date(values["iat"]) }
        set { values["iat"] = Self.numericDate(newValue) }
    }

    /// `jti`, a unique identifier for the token (RFC 7519 §4.1.7).
    public var id: String? {
        get { values["jti"]?.stringValue }
        set { values["jti"] = newValue.map(JWTClaimValue.string) }
    }

    /// Reads a NumericDate, seconds since 1970-01-01T00:00:00Z UTC (RFC 7519 §2).
    private static func date(_ value: JWTClaimValue?) -> Date? {
        value?.numberValue.map(Date.init(timeIntervalSince1970:))
    }

    /// Writes a NumericDate as an integer when the time is a whole second, as most issuers do (RFC 7519 §2).
    private static func numericDate(_ date: Date?) -> JWTClaimValue? {
        guard let seconds = date?.timeIntervalSince1970 else { return nil }
        if seconds.rounded() == seconds, let whole = Int64(exactly: seconds) {
            return .int(whole)
        }
        return .double(seconds)
    }
}
