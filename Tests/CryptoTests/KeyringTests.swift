import Foundation
import Testing
import Crypto

@Suite("Keyring envelopes")
struct KeyringTests {
    let key1 = Keyring.generateKey()
    let key2 = Keyring.generateKey()
    let aad = Data("credentials:42:secret".utf8)

    @Test("an envelope is sb1:<keyId>:<base64url> and opens back to the plaintext")
    func roundTrips() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        let plaintext = Data("sk_live_abcdef".utf8)
        let envelope = try keyring.seal(plaintext, aad: aad)
        #expect(envelope.hasPrefix("sb1:k1:"))
        let payload = try #require(Base64URL.decode(String(envelope.dropFirst("sb1:k1:".count))))
        #expect(payload.count == plaintext.count + AESGCM.overheadByteCount)
        #expect(envelope.count == 5 + "k1".count + (4 * (plaintext.count + 28) + 2) / 3)
        #expect(!envelope.contains("sk_live"))
        #expect(try keyring.open(envelope, aad: aad) == plaintext)
        #expect(!keyring.needsReseal(envelope))
    }

    @Test("an empty plaintext seals and opens")
    func sealsEmpty() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        #expect(try keyring.open(keyring.seal(Data())) == Data())
    }

    @Test("after rotation old envelopes still open, need resealing, and reseal under the new key")
    func rotates() throws {
        let old = try Keyring(currentKeyID: "k1", currentKey: key1)
        let envelope = try old.seal(Data("webhook-secret".utf8), aad: aad)

        let rotated = try old.rotated(toKeyID: "k2", key: key2)
        #expect(rotated.currentKeyID == "k2")
        #expect(rotated.keyIDs == ["k1", "k2"])
        #expect(try rotated.open(envelope, aad: aad) == Data("webhook-secret".utf8))
        #expect(rotated.needsReseal(envelope))

        let resealed = try rotated.reseal(envelope, aad: aad)
        #expect(resealed.hasPrefix("sb1:k2:"))
        #expect(!rotated.needsReseal(resealed))
        #expect(try rotated.open(resealed, aad: aad) == Data("webhook-secret".utf8))

        let onlyNew = try Keyring(currentKeyID: "k2", currentKey: key2)
        #expect(try onlyNew.open(resealed, aad: aad) == Data("webhook-secret".utf8))
        #expect(throws: KeyringError.unknownKeyID("k1")) { try onlyNew.open(envelope, aad: aad) }
    }

    @Test("a keyring built from the old key as a previous key opens old envelopes")
    func opensWithPreviousKeys() throws {
        let envelope = try Keyring(currentKeyID: "2024-01", currentKey: key1).seal(Data("x".utf8))
        let keyring = try Keyring(currentKeyID: "2025-06", currentKey: key2, previousKeys: ["2024-01": key1])
        #expect(try keyring.open(envelope) == Data("x".utf8))
        #expect(try keyring.reseal(envelope).hasPrefix("sb1:2025-06:"))
    }

    @Test("resealing with the wrong additional data fails and seals nothing")
    func resealChecksAAD() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1).rotated(toKeyID: "k2", key: key2)
        let envelope = try Keyring(currentKeyID: "k1", currentKey: key1).seal(Data("x".utf8), aad: aad)
        #expect(throws: KeyringError.authenticationFailed) { try keyring.reseal(envelope, aad: Data("other".utf8)) }
    }

    @Test("opening with different additional data fails")
    func rejectsOtherRowsAAD() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        let envelope = try keyring.seal(Data("x".utf8), aad: Data("row:1".utf8))
        #expect(throws: KeyringError.authenticationFailed) { try keyring.open(envelope, aad: Data("row:2".utf8)) }
    }

    @Test("relabelling an envelope with another id for the same key fails, because the header is authenticated")
    func headerIsAuthenticated() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1, previousKeys: ["alias": key1])
        let envelope = try keyring.seal(Data("x".utf8))
        let relabelled = envelope.replacingOccurrences(of: "sb1:k1:", with: "sb1:alias:")
        #expect(throws: KeyringError.authenticationFailed) { try keyring.open(relabelled) }
    }

    @Test("a flipped payload character fails authentication")
    func rejectsTamperedPayload() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        let envelope = try keyring.seal(Data("secret value".utf8))
        var characters = Array(envelope)
        let index = "sb1:k1:".count + 3
        characters[index] = characters[index] == "A" ? "B" : "A"
        #expect(throws: KeyringError.authenticationFailed) { try keyring.open(String(characters)) }
    }

    @Test("an envelope under a key id the keyring does not hold is reported by id")
    func rejectsUnknownKeyID() throws {
        let envelope = try Keyring(currentKeyID: "k9", currentKey: key2).seal(Data("x".utf8))
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        #expect(throws: KeyringError.unknownKeyID("k9")) { try keyring.open(envelope) }
        #expect(keyring.needsReseal(envelope))
        #expect(throws: KeyringError.unknownKeyID("k9")) { try keyring.reseal(envelope) }
    }

    static let validPayload = Base64URL.encode(Data(count: 28))

    @Test("text that is not an sb1 envelope is malformed", arguments: [
        "", "sb1", "sb1:k1", "plain text", "sb1::\(validPayload)", "sb1:bad id:\(validPayload)",
        "sb1:k1:not base64!", "sb1:k1:\(validPayload)=", "sb1:k1:\(Base64URL.encode(Data(count: 27)))",
        "sb1:\(String(repeating: "k", count: 33)):\(validPayload)", "xx1:k1:\(validPayload)", "sb:k1:\(validPayload)",
    ])
    func rejectsMalformed(text: String) throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        #expect(throws: KeyringError.malformedEnvelope) { try keyring.open(text) }
        #expect(keyring.needsReseal(text))
    }

    @Test("a later format version is reported as unsupported")
    func rejectsLaterVersion() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        let envelope = try keyring.seal(Data("x".utf8))
        let later = "sb2" + envelope.dropFirst(3)
        #expect(throws: KeyringError.unsupportedVersion) { try keyring.open(later) }
    }

    @Test("key ids outside 1–32 characters of A-Z a-z 0-9 . _ - are refused",
          arguments: ["", "has:colon", "has space", "é", String(repeating: "a", count: 33)])
    func rejectsInvalidKeyID(id: String) {
        #expect(throws: KeyringError.invalidKeyID) { try Keyring(currentKeyID: id, currentKey: key1) }
        #expect(throws: KeyringError.invalidKeyID) {
            try Keyring(currentKeyID: "k1", currentKey: key1, previousKeys: [id: key2])
        }
    }

    @Test("a key id cannot be both current and previous, nor reused by a rotation")
    func rejectsDuplicateKeyID() throws {
        #expect(throws: KeyringError.duplicateKeyID("k1")) {
            try Keyring(currentKeyID: "k1", currentKey: key1, previousKeys: ["k1": key2])
        }
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1, previousKeys: ["k0": key2])
        #expect(throws: KeyringError.duplicateKeyID("k0")) { try keyring.rotated(toKeyID: "k0", key: key2) }
    }

    @Test("describing a keyring shows key ids and no key material")
    func descriptionHidesKeys() throws {
        let keyring = try Keyring(currentKeyID: "k1", currentKey: key1)
        var dumped = ""
        dump(keyring, to: &dumped)
        let secret = key1.base64EncodedString()
        for text in ["\(keyring)", String(reflecting: keyring), dumped] {
            #expect(text.contains("k1"))
            #expect(!text.contains(secret))
            #expect(!text.contains(String(secret.prefix(8))))
        }
    }
}
