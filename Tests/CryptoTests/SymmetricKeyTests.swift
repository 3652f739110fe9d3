import Foundation
import Testing
import Crypto

@Suite("Symmetric keys")
struct SymmetricKeyTests {
    static let raw = (0..<32).map { UInt8($0) }

    @Test("a key loads from hex, base64 or base64url, with surrounding whitespace", arguments: [
        Hex.encode(raw), Hex.encode(raw).uppercased(), Base64.encode(raw), Base64URL.encode(raw),
        "  \(Hex.encode(raw))\n", "\(Base64.encode(raw))\n",
    ])
    func loadsEncoded(text: String) throws {
        #expect(try SymmetricKey(encoded: text) == SymmetricKey(bytes: Self.raw))
    }

    @Test("a generated key survives export as base64 and loading back")
    func exportsAndLoads() throws {
        let key = Keyring.generateKey()
        #expect(try SymmetricKey(encoded: key.base64EncodedString()) == key)
        #expect(key != Keyring.generateKey())
    }

    @Test("keys that are not 32 bytes are refused", arguments: [0, 16, 31, 33, 64])
    func rejectsWrongLength(length: Int) {
        let raw = [UInt8](repeating: 7, count: length)
        #expect(throws: SymmetricKeyError.invalidLength) { try SymmetricKey(bytes: raw) }
        #expect(throws: SymmetricKeyError.invalidLength) { try SymmetricKey(encoded: Base64.encode(raw) + " ") }
    }

    @Test("text in no known encoding is refused", arguments: ["not a key!", "zz", "@@@@"])
    func rejectsGarbage(text: String) {
        #expect(throws: SymmetricKeyError.invalidEncoding) { try SymmetricKey(encoded: text) }
    }

    @Test("printing, debug-printing and dumping a key never shows its bytes")
    func descriptionIsRedacted() throws {
        let key = try SymmetricKey(bytes: Self.raw)
        var dumped = ""
        dump(key, to: &dumped)
        for text in ["\(key)", String(reflecting: key), dumped] {
            #expect(!text.contains(Hex.encode(Self.raw.prefix(4))))
            #expect(!text.contains(Base64.encode(Self.raw).prefix(8)))
            #expect(!text.contains("1, 2, 3"))
        }
    }
}
