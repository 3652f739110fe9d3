import Foundation
import HTTPCore

/// A message as the parser delivered it, for comparison with fixture expectations.
struct ParsedMessage: Equatable {
    var method: String
    var url: String
    var version: String
    var headers: [[String]]
    var body: [UInt8]
    var complete: Bool
}

/// The outcome of feeding bytes to a parser: the messages it produced and the error it stopped at, if any.
struct ParseOutcome {
    var messages: [ParsedMessage] = []
    var error: HTTPParseError?
}

/// Feeds `input` to a fresh parser in the given pieces and collects what it produced.
func parse(_ input: [UInt8], splits: [Int], limits: HTTPParserLimits = HTTPParserLimits()) -> ParseOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = ParseOutcome()
    outcome.error = feed(input, pieces: splits, into: &parser) { event, _ in
        switch event {
        case .head(let head):
            outcome.messages.append(ParsedMessage(
                method: head.method.rawValue, url: head.target,
                version: "\(head.version.major).\(head.version.minor)",
                headers: head.headers.map { [$0.name, $0.value] }, body: [], complete: false))
        case .body(let bytes):
            outcome.messages[outcome.messages.count - 1].body += bytes
        case .end(let trailers):
            outcome.messages[outcome.messages.count - 1].headers += trailers.map { [$0.name, $0.value] }
            outcome.messages[outcome.messages.count - 1].complete = true
        }
    }
    return outcome
}

/// Appends `input` to the parser in the given pieces (then whatever is left), handing every event to `onEvent`
/// with the parser as it stands after it, and the parser to `afterPiece` once a piece is drained. Stops at the
/// first error and returns it.
func feed(_ input: [UInt8], pieces: [Int], into parser: inout HTTPRequestParser,
          afterPiece: (HTTPRequestParser) -> Void = { _ in },
          onEvent: (HTTPParserEvent, HTTPRequestParser) -> Void) -> HTTPParseError? {
    var offset = 0
    for length in pieces + [input.count] {
        let end = min(input.count, offset + length)
        guard offset < end || offset == input.count else { continue }
        parser.append(input[offset..<end])
        offset = end
        do {
            while let event = try parser.next() { onEvent(event, parser) }
        } catch {
            return error
        }
        afterPiece(parser)
        if offset == input.count { break }
    }
    return nil
}

/// The three ways every fixture is fed: whole, byte by byte, and in seeded random pieces.
enum FeedMode: String, CaseIterable, CustomStringConvertible {
    case whole, byteByByte, randomSplits

    var description: String { rawValue }

    func splits(for count: Int, seed: Int) -> [Int] {
        switch self {
        case .whole: return [count]
        case .byteByByte: return Array(repeating: 1, count: count)
        case .randomSplits:
            var generator = SplitMix(seed: UInt64(truncatingIfNeeded: seed &+ count))
            var pieces: [Int] = []
            var total = 0
            while total < count {
                let piece = Int(generator.next() % 7) + 1
                pieces.append(piece)
                total += piece
            }
            return pieces
        }
    }
}

/// A small deterministic random generator, so a failing split can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Reads a fixture file next to this source file.
func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try Data(contentsOf: url)
}
