import Foundation
import Testing
import Crypto

/// FIPS 180-2 Appendix B (B.1 "abc", B.2 the 448-bit message, B.3 a million "a"), the empty message, and the
/// 896-bit message of FIPS 180-2's SHA-512 examples (its SHA-256 digest cross-checked with coreutils sha256sum).
@Suite("SHA-256 (FIPS 180-2 vectors)")
struct SHA256Tests {
    @Test("digests match the published values", arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
            + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func publishedVectors(message: String, digest: String) {
        #expect(Hex.encode(SHA256.hash(Data(message.utf8))) == digest)
    }

    @Test("one million repetitions of 'a' (FIPS 180-2 B.3)")
    func millionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Data and byte arrays hash alike and digests are 32 bytes")
    func inputTypesAgree() {
        let bytes: [UInt8] = Array("abc".utf8)
        #expect(SHA256.hash(bytes) == SHA256.hash(Data(bytes)))
        #expect(SHA256.hash(bytes).count == SHA256.byteCount)
    }
}
