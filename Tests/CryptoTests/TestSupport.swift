import Foundation
import Testing
import Crypto

/// Decodes a hex literal from a test vector, failing the test (not crashing) if the literal is mistyped.
func bytes(hex: String) throws -> [UInt8] {
    [UInt8](try #require(Hex.decode(hex.filter { !$0.isWhitespace })))
}

/// A fixed clock for JWT tests, `seconds` after 1970-01-01T00:00:00Z.
func fixedClock(_ seconds: TimeInterval) -> @Sendable () -> Date {
    { Date(timeIntervalSince1970: seconds) }
}
