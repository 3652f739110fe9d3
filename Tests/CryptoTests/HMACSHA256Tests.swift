import Foundation
import Testing
import Crypto

/// RFC 4231 §4.2–§4.8, test cases 1–7 for HMAC-SHA-256 (case 5 is truncated to 128 bits, §4.6).
@Suite("HMAC-SHA256 (RFC 4231)")
struct HMACSHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: String
        let data: String
        let mac: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static func hex(_ text: String) -> String { Hex.encode(Data(text.utf8)) }

    static let vectors: [Vector] = [
        Vector(number: 1, key: String(repeating: "0b", count: 20), data: hex("Hi There"),
               mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(number: 2, key: hex("Jefe"), data: hex("what do ya want for nothing?"),
               mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(number: 3, key: String(repeating: "aa", count: 20), data: String(repeating: "dd", count: 50),
               mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(number: 4, key: "0102030405060708090a0b0c0d0e0f10111213141516171819",
               data: String(repeating: "cd", count: 50),
               mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(number: 5, key: String(repeating: "0c", count: 20), data: hex("Test With Truncation"),
               mac: "a3b6167473100ee06e0c796c2955552b"),
        Vector(number: 6, key: String(repeating: "aa", count: 131),
               data: hex("Test Using Larger Than Block-Size Key - Hash Key First"),
               mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(number: 7, key: String(repeating: "aa", count: 131),
               data: hex("This is a test using a larger than block-size key and a larger than block-size data. "
                   + "The key needs to be hashed before being used by the HMAC algorithm."),
               mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("codes match the published values (truncated where the RFC truncates)", arguments: vectors)
    func publishedVectors(vector: Vector) throws {
        let code = HMACSHA256.authenticationCode(for: try bytes(hex: vector.data), key: try bytes(hex: vector.key))
        #expect(code.count == HMACSHA256.byteCount)
        #expect(Hex.encode(code.prefix(vector.mac.count / 2)) == vector.mac)
    }

    @Test("an empty key and message give the well-known code")
    func emptyKey() {
        let code = HMACSHA256.authenticationCode(for: Data(), key: Data())
        #expect(Hex.encode(code) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test("validation accepts the right code and rejects a changed code, message or key")
    func validates() {
        let key = [UInt8](SecureRandom.bytes(count: 32))
        var otherKey = key
        otherKey[0] ^= 0x01
        let message = Data("POST /webhooks 1700000000".utf8)
        var code = [UInt8](HMACSHA256.authenticationCode(for: message, key: key))
        #expect(HMACSHA256.isValidAuthenticationCode(code, for: message, key: key))
        #expect(!HMACSHA256.isValidAuthenticationCode(code, for: message + [0], key: key))
        #expect(!HMACSHA256.isValidAuthenticationCode(code, for: message, key: otherKey))
        #expect(!HMACSHA256.isValidAuthenticationCode(code.prefix(16), for: message, key: key))
        code[31] ^= 0x80
        #expect(!HMACSHA256.isValidAuthenticationCode(code, for: message, key: key))
    }
}
