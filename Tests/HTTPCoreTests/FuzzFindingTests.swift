import Testing
import HTTPCore

/// Inputs the libFuzzer target (Tests/Fuzz) found, kept so they never come back.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    /// A Transfer-Encoding element with an empty coding name ("" before ";") trapped on ";" and was taken as
    /// chunked on ";chunked"; RFC 9110 §10.1.4 requires a token, so both are 400.
    @Test("a Transfer-Encoding element without a coding name is refused with 400",
          arguments: [";", ";chunked", "gzip, ;chunked", " ; q=1"], FeedMode.allCases)
    func emptyCodingName(_ value: String, mode: FeedMode) {
        let input = Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n".utf8)
        let outcome = parse(input, splits: mode.splits(for: input.count, seed: value.count))
        #expect(outcome.error?.status.code == 400, "\(value): \(String(describing: outcome.error))")
        #expect(outcome.messages.isEmpty)
    }
}
