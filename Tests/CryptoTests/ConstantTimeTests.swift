import Foundation
import Testing
import Crypto

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test("equal bytes compare equal, whatever container holds them")
    func equal() {
        let bytes = SecureRandom.bytes(count: 32)
        #expect(constantTimeEquals(bytes, [UInt8](bytes)))
        #expect(constantTimeEquals(Data(), [UInt8]()))
    }

    @Test("a difference in the first, middle or last byte, or in length, compares unequal",
          arguments: [0, 15, 31])
    func unequal(index: Int) {
        let bytes = [UInt8](SecureRandom.bytes(count: 32))
        var changed = bytes
        changed[index] ^= 0x01
        #expect(!constantTimeEquals(bytes, changed))
        #expect(!constantTimeEquals(bytes, bytes.prefix(index)))
        #expect(!constantTimeEquals(bytes, bytes + [0]))
    }
}
