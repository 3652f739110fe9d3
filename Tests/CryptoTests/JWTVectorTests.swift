import Foundation
import Testing
@testable import Crypto

/// RFC 7515 Appendix A.1 (the HS256 JWS example) and RFC 7519 §3.1 (the example JWT, which is the same token).
@Suite("JWT known answers (RFC 7515 A.1, RFC 7519 §3.1)")
struct JWTVectorTests {
    /// The JWK `k` of RFC 7515 A.1.
    static let jwkK = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
    static let headerJSON = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"
    static let payloadJSON = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"
    static let encodedHeader = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    static let encodedPayload = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
        + "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    static let signature = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    /// RFC 7519 §3.1, its three printed lines joined with the line breaks removed.
    static let rfc7519Token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
        + "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let expiry: TimeInterval = 1_300_819_380

    func signer(at seconds: TimeInterval = expiry - 3600) throws -> JWTSigner {
        JWTSigner(key: try #require(Base64URL.decode(Self.jwkK)), clock: fixedClock(seconds))
    }

    @Test("the exact header and payload octets encode to the published segments")
    func segments() {
        #expect(Base64URL.encode(Data(Self.headerJSON.utf8)) == Self.encodedHeader)
        #expect(Base64URL.encode(Data(Self.payloadJSON.utf8)) == Self.encodedPayload)
    }

    @Test("HMAC-SHA256 over the exact signing input gives the published signature")
    func signature() throws {
        let signingInput = Self.encodedHeader + "." + Self.encodedPayload
        #expect(try signer().signature(forSigningInput: signingInput) == Self.signature)
    }

    @Test("the RFC 7515 A.1 token verifies before its expiry and yields its claims")
    func verifiesRFC7515() throws {
        let token = Self.encodedHeader + "." + Self.encodedPayload + "." + Self.signature
        let claims = try signer().verify(token)
        #expect(claims.issuer == "joe")
        #expect(claims["exp"] == .int(1_300_819_380))
        #expect(claims.expiresAt == Date(timeIntervalSince1970: Self.expiry))
        #expect(claims["http://example.com/is_root"] == .bool(true))
        #expect(claims.values.count == 3)
    }

    @Test("the RFC 7519 §3.1 example token verifies with the same key")
    func verifiesRFC7519() throws {
        let claims = try signer().verify(Self.rfc7519Token)
        #expect(claims.issuer == "joe")
        #expect(claims["http://example.com/is_root"]?.boolValue == true)
    }

    @Test("the example token is expired once the clock passes exp plus the leeway")
    func expiresOnSchedule() throws {
        #expect(throws: Never.self) { try signer(at: Self.expiry + 59).verify(Self.rfc7519Token) }
        #expect(throws: JWTError.expired) { try signer(at: Self.expiry + 60).verify(Self.rfc7519Token) }
        #expect(throws: JWTError.expired) {
            try JWTSigner(key: try #require(Base64URL.decode(Self.jwkK))).verify(Self.rfc7519Token)
        }
    }

    @Test("tokens this signer makes carry the header {\"alg\":\"HS256\",\"typ\":\"JWT\"}")
    func ownHeader() throws {
        let token = try signer().sign(JWTClaims(issuer: "joe"))
        #expect(token.hasPrefix("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."))
        #expect(Base64URL.decode("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9") == Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
    }
}
