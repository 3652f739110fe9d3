import Foundation
import Testing
import Crypto

/// RFC 4648 §10 test vectors for base16 and base64, and the base64url rules JWS relies on (RFC 7515 §2).
@Suite("Hex, base64 and base64url")
struct EncodingTests {
    static let rfc4648: [(plain: String, base64: String, base16: String)] = [
        ("", "", ""), ("f", "Zg==", "66"), ("fo", "Zm8=", "666F"), ("foo", "Zm9v", "666F6F"),
        ("foob", "Zm9vYg==", "666F6F62"), ("fooba", "Zm9vYmE=", "666F6F6261"), ("foobar", "Zm9vYmFy", "666F6F626172"),
    ]

    @Test("RFC 4648 §10 vectors encode and decode", arguments: rfc4648)
    func rfc4648Vectors(plain: String, base64: String, base16: String) {
        let bytes = Data(plain.utf8)
        #expect(Base64.encode(bytes) == base64)
        #expect(Base64.decode(base64) == bytes)
        #expect(Hex.encode(bytes) == base16.lowercased())
        #expect(Hex.decode(base16) == bytes)
        #expect(Hex.decode(base16.lowercased()) == bytes)
        let unpadded = base64.replacingOccurrences(of: "=", with: "")
        #expect(Base64URL.encode(bytes) == unpadded)
        #expect(Base64URL.decode(unpadded) == bytes)
    }

    @Test("base64url uses - and _ where base64 uses + and /")
    func urlAlphabet() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64URL.encode(bytes) == "-_-_")
        #expect(Base64URL.decode("-_-_") == Data(bytes))
    }

    @Test("base64url decoding refuses padding, foreign characters, impossible lengths and non-zero spare bits",
          arguments: ["Zg==", "Zm8=", "Zm9v+", "Zm9v/A", "Zm 9v", "Z", "Zm9vY", "Zh", "Zm9", "é"])
    func base64URLRejects(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("hex decoding refuses odd lengths and non-hex characters", arguments: ["0", "abc", "0g", "xx", " 00"])
    func hexRejects(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test("random bytes of every short length survive each encoding", arguments: 0...40)
    func roundTrips(length: Int) {
        let bytes = SecureRandom.bytes(count: length)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        #expect(!Base64URL.encode(bytes).contains("="))
    }
}
