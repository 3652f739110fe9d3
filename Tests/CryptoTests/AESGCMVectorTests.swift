import Foundation
import Testing
@testable import Crypto

/// AES-256 test cases 13–18 of McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", revised spec, App. B.
@Suite("AES-256-GCM known answers (McGrew–Viega test cases 13–18)")
struct AESGCMVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: String
        let nonce: String
        let plaintext: String
        let aad: String
        let ciphertext: String
        let tag: String
        var testDescription: String { "test case \(number) (\(nonce.count / 2)-byte IV)" }
    }

    static let zeroKey = String(repeating: "00", count: 32)
    static let key = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
    static let plaintext64 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
    static let plaintext60 = String(plaintext64.dropLast(8))
    static let aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2"

    static let vectors: [Vector] = [
        Vector(number: 13, key: zeroKey, nonce: "000000000000000000000000", plaintext: "", aad: "",
               ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        Vector(number: 14, key: zeroKey, nonce: "000000000000000000000000",
               plaintext: "00000000000000000000000000000000", aad: "",
               ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        Vector(number: 15, key: key, nonce: "cafebabefacedbaddecaf888", plaintext: plaintext64, aad: "",
               ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                   + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
               tag: "b094dac5d93471bdec1a502270e3cc6c"),
        Vector(number: 16, key: key, nonce: "cafebabefacedbaddecaf888", plaintext: plaintext60, aad: aad,
               ciphertext: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                   + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
               tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
        Vector(number: 17, key: key, nonce: "cafebabefacedbad", plaintext: plaintext60, aad: aad,
               ciphertext: "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0"
                   + "feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
               tag: "3a337dbf46a792c45e454913fe2ea8f2"),
        Vector(number: 18, key: key,
               nonce: "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728"
                   + "c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
               plaintext: plaintext60, aad: aad,
               ciphertext: "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf4"
                   + "0fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
               tag: "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"),
    ]

    @Test("encrypting gives the published ciphertext and tag", arguments: vectors)
    func encrypts(vector: Vector) throws {
        let key = try SymmetricKey(bytes: bytes(hex: vector.key))
        let result = try AESGCM.encrypt(
            bytes(hex: vector.plaintext), key: key, nonce: bytes(hex: vector.nonce), aad: bytes(hex: vector.aad)
        )
        #expect(Hex.encode(result.ciphertext) == vector.ciphertext)
        #expect(Hex.encode(result.tag) == vector.tag)
    }

    @Test("decrypting the published ciphertext and tag gives the plaintext", arguments: vectors)
    func decrypts(vector: Vector) throws {
        let key = try SymmetricKey(bytes: bytes(hex: vector.key))
        let plaintext = try AESGCM.decrypt(
            bytes(hex: vector.ciphertext), key: key, nonce: bytes(hex: vector.nonce), aad: bytes(hex: vector.aad),
            tag: bytes(hex: vector.tag)
        )
        #expect(Hex.encode(plaintext) == vector.plaintext)
    }

    @Test("the public open accepts the 96-bit-nonce vectors as nonce ‖ ciphertext ‖ tag",
          arguments: vectors.filter { $0.nonce.count == 24 })
    func opensCombinedForm(vector: Vector) throws {
        let key = try SymmetricKey(bytes: bytes(hex: vector.key))
        let sealed = try bytes(hex: vector.nonce + vector.ciphertext + vector.tag)
        let plaintext = try AESGCM.open(sealed, key: key, aad: bytes(hex: vector.aad))
        #expect(Hex.encode(plaintext) == vector.plaintext)
    }

    @Test("a published tag with one bit flipped is rejected", arguments: vectors)
    func rejectsFlippedPublishedTag(vector: Vector) throws {
        let key = try SymmetricKey(bytes: bytes(hex: vector.key))
        var tag = try bytes(hex: vector.tag)
        tag[tag.count - 1] ^= 0x01
        #expect(throws: AESGCMError.authenticationFailed) {
            try AESGCM.decrypt(
                bytes(hex: vector.ciphertext), key: key, nonce: bytes(hex: vector.nonce),
                aad: bytes(hex: vector.aad), tag: tag
            )
        }
    }
}
