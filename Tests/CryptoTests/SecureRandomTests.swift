import Foundation
import Testing
import Crypto

@Suite("Secure random bytes and tokens")
struct SecureRandomTests {
    static let urlAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test("byte counts are exact", arguments: [0, 1, 12, 32, 4096])
    func byteCount(count: Int) {
        #expect(SecureRandom.bytes(count: count).count == count)
    }

    @Test("tokens are unpadded base64url of the requested entropy", arguments: [(16, 22), (24, 32), (32, 43)])
    func tokenLength(bytes: Int, characters: Int) throws {
        let token = SecureRandom.token(bytes: bytes)
        #expect(token.count == characters)
        #expect(token.allSatisfy(Self.urlAlphabet.contains))
        #expect(try #require(Base64URL.decode(token)).count == bytes)
    }

    @Test("the default token carries 32 bytes; the default hex token is 64 lowercase hex digits")
    func defaults() {
        #expect(SecureRandom.token().count == 43)
        let hex = SecureRandom.hexToken()
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(SecureRandom.hexToken(bytes: 8).count == 16)
    }

    @Test("five thousand tokens, hex tokens and 16-byte values are all distinct")
    func uniqueness() {
        #expect(Set((0..<5000).map { _ in SecureRandom.token() }).count == 5000)
        #expect(Set((0..<5000).map { _ in SecureRandom.hexToken() }).count == 5000)
        #expect(Set((0..<5000).map { _ in SecureRandom.bytes(count: 16) }).count == 5000)
    }

    @Test("4 KiB of random bytes use nearly every byte value")
    func spread() {
        #expect(Set(SecureRandom.bytes(count: 4096)).count > 240)
    }
}
