import Foundation
import Testing
@testable import Crypto

@Suite("JWT verification rules")
struct JWTValidationTests {
    static let key = Data("a-32-byte-secret-for-hs256-tests".utf8)
    static let instant: TimeInterval = 1_700_000_000

    func signer(at seconds: TimeInterval, leeway: TimeInterval = JWTSigner.defaultLeeway) -> JWTSigner {
        JWTSigner(key: Self.key, leeway: leeway, clock: fixedClock(seconds))
    }

    /// Builds a token from raw header and payload JSON, signed correctly, to test what follows the signature check.
    func token(header: String, payload: String) -> String {
        let input = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(Data(payload.utf8))
        return input + "." + signer(at: 0).signature(forSigningInput: input)
    }

    @Test("exp: valid until exp + leeway, expired from then on", arguments: [
        (-3600.0, nil), (0, nil), (59, nil), (59.999, nil), (60, JWTError.expired), (3600, .expired),
    ])
    func expiry(offset: TimeInterval, error: JWTError?) throws {
        let token = try signer(at: 0).sign(JWTClaims(expiresAt: Date(timeIntervalSince1970: Self.instant)))
        try check(token, at: Self.instant + offset, leeway: 60, expecting: error)
    }

    @Test("nbf: rejected before nbf − leeway, valid from then on", arguments: [
        (-3600.0, JWTError.notYetValid), (-60.001, .notYetValid), (-60, nil), (0, nil), (3600, nil),
    ])
    func notBefore(offset: TimeInterval, error: JWTError?) throws {
        let token = try signer(at: 0).sign(JWTClaims(notBefore: Date(timeIntervalSince1970: Self.instant)))
        try check(token, at: Self.instant + offset, leeway: 60, expecting: error)
    }

    @Test("iat: rejected when later than now + leeway", arguments: [
        (-61.0, JWTError.issuedInFuture), (-60, nil), (0, nil), (86_400, nil),
    ])
    func issuedAt(offset: TimeInterval, error: JWTError?) throws {
        let token = try signer(at: 0).sign(JWTClaims(issuedAt: Date(timeIntervalSince1970: Self.instant)))
        try check(token, at: Self.instant + offset, leeway: 60, expecting: error)
    }

    @Test("a zero leeway makes exp exact", arguments: [(-0.5, nil), (0.0, JWTError.expired)])
    func zeroLeeway(offset: TimeInterval, error: JWTError?) throws {
        let token = try signer(at: 0).sign(JWTClaims(expiresAt: Date(timeIntervalSince1970: Self.instant)))
        try check(token, at: Self.instant + offset, leeway: 0, expecting: error)
    }

    func check(_ token: String, at now: TimeInterval, leeway: TimeInterval, expecting error: JWTError?) throws {
        let verifier = signer(at: now, leeway: leeway)
        if let error {
            #expect(throws: error) { try verifier.verify(token) }
        } else {
            #expect(throws: Never.self) { try verifier.verify(token) }
        }
    }

    @Test("any alg but HS256 is refused, including none, even with a valid HMAC", arguments: [
        #"{"alg":"none"}"#, #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"HS512"}"#, #"{"alg":"RS256"}"#,
        #"{"alg":"hs256"}"#, #"{"alg":"HS256 "}"#, #"{"alg":["HS256"]}"#,
    ])
    func rejectsOtherAlgorithms(header: String) {
        let signed = token(header: header, payload: #"{"sub":"admin"}"#)
        let unsigned = signed.split(separator: ".").prefix(2).joined(separator: ".") + "."
        let expected: JWTError = header.contains("[") ? .malformed : .unsupportedAlgorithm
        #expect(throws: expected) { try signer(at: 0).verify(signed) }
        #expect(throws: expected) { try signer(at: 0).verify(unsigned) }
    }

    @Test("a token signed with another key is refused")
    func rejectsWrongKey() throws {
        let token = try JWTSigner(key: Data("another-32-byte-secret-for-tests".utf8)).sign(JWTClaims(subject: "u1"))
        #expect(throws: JWTError.badSignature) { try signer(at: 0).verify(token) }
    }

    @Test("a changed payload, a truncated or empty signature are refused")
    func rejectsTampering() throws {
        let token = try signer(at: 0).sign(JWTClaims(subject: "user", custom: ["role": "viewer"]))
        let parts = token.split(separator: ".").map(String.init)
        let forged = Base64URL.encode(Data(#"{"role":"admin","sub":"user"}"#.utf8))
        let verifier = signer(at: 0)
        let forgedToken = [parts[0], forged, parts[2]].joined(separator: ".")
        #expect(throws: JWTError.badSignature) { try verifier.verify(forgedToken) }
        #expect(throws: JWTError.badSignature) { try verifier.verify(String(token.dropLast(3))) }
        #expect(throws: JWTError.badSignature) { try verifier.verify(parts[0] + "." + parts[1] + ".") }
    }

    @Test("text that is not three base64url JSON-object segments is malformed", arguments: [
        "", "abc", "a.b", "a.b.c.d", "!!.e30.sig", "e30.e30.c2ln=", "W10.e30.", "bnVsbA.e30.",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: JWTError.malformed) { try signer(at: 0).verify(text) }
    }

    @Test("a signed payload that is not a JSON object, or a non-numeric time claim, is malformed", arguments: [
        "[]", "not json", #""string""#, #"{"exp":"tomorrow"}"#, #"{"nbf":true}"#, #"{"iat":null}"#,
    ])
    func rejectsBadPayload(payload: String) {
        let token = token(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: payload)
        #expect(throws: JWTError.malformed) { try signer(at: 0).verify(token) }
    }

    @Test("a header naming critical extensions is refused (RFC 7515 §4.1.11)")
    func rejectsCrit() {
        let token = token(header: #"{"alg":"HS256","crit":["exp"],"exp":1}"#, payload: "{}")
        #expect(throws: JWTError.malformed) { try signer(at: 0).verify(token) }
    }

    @Test("claims that JSON cannot carry are refused when signing")
    func rejectsNaN() {
        #expect(throws: JWTError.unencodableClaims) { try signer(at: 0).sign(JWTClaims(["score": .double(.nan)])) }
    }

    @Test("a signer's description hides its key")
    func descriptionHidesKey() {
        var dumped = ""
        dump(signer(at: 0), to: &dumped)
        for text in ["\(signer(at: 0))", String(reflecting: signer(at: 0)), dumped] {
            #expect(!text.contains("a-32-byte"))
            #expect(!text.contains("97, 45"))
        }
    }
}
