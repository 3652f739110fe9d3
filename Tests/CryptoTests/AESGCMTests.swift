import Foundation
import Testing
import Crypto

@Suite("AES-256-GCM seal and open")
struct AESGCMTests {
    let key = Keyring.generateKey()
    let aad = Data("credentials:42:secret".utf8)

    @Test("sealed bytes are nonce ‖ ciphertext ‖ tag and open back to the plaintext",
          arguments: [0, 1, 15, 16, 17, 1000, 65_537])
    func roundTrips(length: Int) throws {
        let plaintext = SecureRandom.bytes(count: length)
        let sealed = try AESGCM.seal(plaintext, key: key, aad: aad)
        #expect(sealed.count == length + AESGCM.overheadByteCount)
        #expect(try AESGCM.open(sealed, key: key, aad: aad) == plaintext)
    }

    @Test("sealing the same plaintext twice uses different nonces")
    func noncesDiffer() throws {
        let first = try AESGCM.seal(Data("same".utf8), key: key)
        let second = try AESGCM.seal(Data("same".utf8), key: key)
        #expect(first.prefix(AESGCM.nonceByteCount) != second.prefix(AESGCM.nonceByteCount))
        #expect(first != second)
    }

    enum Region: String, Sendable, CaseIterable {
        case nonceStart, nonceEnd, ciphertextStart, ciphertextEnd, tagStart, tagEnd
    }

    @Test("a flipped bit anywhere in the sealed bytes makes open fail", arguments: Region.allCases, [0, 7])
    func rejectsFlippedBit(region: Region, bit: Int) throws {
        let plaintext = Data("attack at dawn, bring snacks".utf8)
        var sealed = [UInt8](try AESGCM.seal(plaintext, key: key, aad: aad))
        let tagStart = sealed.count - AESGCM.tagByteCount
        let index = switch region {
        case .nonceStart: 0
        case .nonceEnd: AESGCM.nonceByteCount - 1
        case .ciphertextStart: AESGCM.nonceByteCount
        case .ciphertextEnd: tagStart - 1
        case .tagStart: tagStart
        case .tagEnd: sealed.count - 1
        }
        sealed[index] ^= UInt8(1 << bit)
        #expect(throws: AESGCMError.authenticationFailed) { try AESGCM.open(sealed, key: key, aad: aad) }
    }

    @Test("a flipped bit in the additional data, or missing additional data, makes open fail")
    func rejectsChangedAAD() throws {
        let sealed = try AESGCM.seal(Data("secret".utf8), key: key, aad: aad)
        var changed = [UInt8](aad)
        changed[0] ^= 0x01
        #expect(throws: AESGCMError.authenticationFailed) { try AESGCM.open(sealed, key: key, aad: changed) }
        #expect(throws: AESGCMError.authenticationFailed) { try AESGCM.open(sealed, key: key) }
    }

    @Test("another key cannot open the sealed bytes")
    func rejectsWrongKey() throws {
        let sealed = try AESGCM.seal(Data("secret".utf8), key: key)
        #expect(throws: AESGCMError.authenticationFailed) {
            try AESGCM.open(sealed, key: Keyring.generateKey())
        }
    }

    @Test("input shorter than a nonce and a tag is reported as truncated", arguments: [0, 1, 27])
    func rejectsTruncated(length: Int) {
        #expect(throws: AESGCMError.truncated) { try AESGCM.open(Data(count: length), key: key) }
    }

    @Test("dropping the last byte makes open fail")
    func rejectsShortened() throws {
        let sealed = try AESGCM.seal(Data("secret".utf8), key: key)
        #expect(throws: AESGCMError.authenticationFailed) { try AESGCM.open(sealed.dropLast(), key: key) }
    }
}
