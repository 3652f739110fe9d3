import Foundation
import Testing
import Crypto

@Suite("JWT claims")
struct JWTClaimsTests {
    let signer = JWTSigner(key: SecureRandom.bytes(count: 32), clock: fixedClock(1_700_000_000))

    @Test("registered and custom claims of every JSON kind survive signing and verifying")
    func roundTrips() throws {
        let claims = JWTClaims(
            issuer: "switchboard", subject: "user_1", audience: ["agents", "callables"],
            expiresAt: Date(timeIntervalSince1970: 1_700_000_600),
            notBefore: Date(timeIntervalSince1970: 1_700_000_000),
            issuedAt: Date(timeIntervalSince1970: 1_700_000_000), id: "jti-1",
            custom: [
                "org": "org_1", "role": "admin", "level": 3, "ratio": 0.25, "beta": true, "nothing": nil,
                "scopes": ["read", "write"], "limits": ["perMinute": 100, "burst": 1.5], "url": "https://x.test/a/b",
            ]
        )
        let token = try signer.sign(claims)
        let verified = try signer.verify(token)
        #expect(verified == claims)
        #expect(verified.audience == ["agents", "callables"])
        #expect(verified.id == "jti-1")
        #expect(verified["limits"] == .object(["perMinute": .int(100), "burst": .double(1.5)]))
        #expect(verified["nothing"] == .null)
        let payload = try #require(Base64URL.decode(String(token.split(separator: ".")[1])))
        #expect(String(decoding: payload, as: UTF8.self).contains(#""url":"https://x.test/a/b""#))
    }

    @Test("NumericDates are written as integers when whole and as fractions otherwise")
    func numericDates() {
        var claims = JWTClaims()
        claims.expiresAt = Date(timeIntervalSince1970: 1_300_819_380)
        claims.notBefore = Date(timeIntervalSince1970: 1.5)
        #expect(claims["exp"] == .int(1_300_819_380))
        #expect(claims["nbf"] == .double(1.5))
        claims.expiresAt = nil
        #expect(claims["exp"] == nil)
    }

    @Test("one audience is written as a string, several as an array; both read back as a list")
    func audience() {
        var claims = JWTClaims()
        claims.audience = ["api"]
        #expect(claims["aud"] == .string("api"))
        claims.audience = ["a", "b"]
        #expect(claims["aud"] == .array(["a", "b"]))
        #expect(JWTClaims(["aud": "solo"]).audience == ["solo"])
        claims.audience = []
        #expect(claims["aud"] == nil)
    }

    @Test("signing is deterministic: the same claims give the same token")
    func deterministic() throws {
        let claims = JWTClaims(subject: "u", custom: ["b": 1, "a": 2, "c": ["z": 1, "y": 2]])
        #expect(try signer.sign(claims) == signer.sign(claims))
    }
}
