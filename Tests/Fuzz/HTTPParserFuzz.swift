// A libFuzzer target for `HTTPRequestParser`. Not a SwiftPM target: it is compiled with swiftc together with
// Sources/HTTPCore/*.swift into one module (so it may read internal helpers such as `ByteClass`), e.g.
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name HTTPParserFuzz -use-ld=lld \
//       Sources/HTTPCore/*.swift Tests/Fuzz/HTTPParserFuzz.swift -o .build-fuzz/http-parser
//   SWIFT_BACKTRACE=enable=no .build-fuzz/http-parser -runs=1000000 -max_len=4096 \
//       -dict=Tests/Fuzz/http.dict fuzz-corpus/http-parser
//
// Each input is fed three times: whole, in pieces of a fixed size, and in pseudo-random pieces (both derived from
// the first byte, whose low bit also picks default or tight limits). Every invariant ends in a `precondition`, so
// a violation is a crash that libFuzzer reports and minimizes. SWIFT_BACKTRACE=enable=no leaves the trap to
// libFuzzer's own handler (Swift's backtracer trips ASan) so it prints the stack and saves the input.

import Foundation

/// Tight limits, so inputs of a few KiB reach every limit check (414, 431, 413, long chunk extensions).
let tightLimits = HTTPParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 4,
                                   maxBodyBytes: 100, maxChunkExtensionBytes: 16)

/// The statuses a parse error may carry (RFC 9112 §2.2, RFC 9110 §15.5): anything else would reach a client.
let parseErrorStatuses: Set<Int> = [400, 413, 414, 431, 501, 505]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    guard let first = input.first else { return 0 }
    let limits = first & 1 == 1 ? tightLimits : HTTPParserLimits()
    let whole = feed(input, limits: limits, rawAppend: true) { _ in input.count }
    let fixed = feed(input, limits: limits, rawAppend: false) { _ in Int(first % 16) + 1 }
    var random = SplitMix(seed: UInt64(first) &* 0x100 &+ UInt64(truncatingIfNeeded: size))
    let pieces = feed(input, limits: limits, rawAppend: true) { _ in Int(random.next() % 64) + 1 }
    // The parser is incremental: where the reads split the bytes must not change what it delivers.
    invariant(whole == fixed, "split into \(first % 16 + 1)-byte pieces: \(fixed) != whole: \(whole)")
    invariant(whole == pieces, "split into random pieces: \(pieces) != whole: \(whole)")
    return 0
}

/// What a parser delivered from one feed: the messages (complete or not) and whether it stopped at an error.
struct FeedOutcome: Equatable, CustomStringConvertible {
    struct Message: Equatable {
        var method: String
        var target: String
        var version: HTTPVersion
        var headers: [HTTPHeaders.Field]
        var body: [UInt8] = []
        var trailers: [HTTPHeaders.Field] = []
        var complete = false
    }

    var messages: [Message] = []
    var failed = false

    var description: String {
        let parts = messages.map { "\($0.method) \($0.target) body=\($0.body.count) complete=\($0.complete)" }
        return "[\(parts.joined(separator: ", "))] failed=\(failed)"
    }
}

/// Feeds `input` to a fresh parser in pieces whose sizes `nextPiece` picks, drains every event after each piece,
/// and checks each event as it arrives. After an error the parser is dropped, never called again.
func feed(
    _ input: UnsafeBufferPointer<UInt8>, limits: HTTPParserLimits, rawAppend: Bool, nextPiece: (Int) -> Int
) -> FeedOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var checker = EventChecker(limits: limits)
    var offset = 0
    while offset < input.count {
        let end = min(input.count, offset + max(1, nextPiece(offset)))
        let piece = UnsafeBufferPointer(rebasing: input[offset..<end])
        if rawAppend { parser.append(UnsafeRawBufferPointer(piece)) } else { parser.append(Array(piece)) }
        offset = end
        do {
            while let event = try parser.next() { checker.check(event, parser: parser) }
        } catch {
            invariant(parseErrorStatuses.contains(error.status.code), "unexpected error status: \(error)")
            checker.outcome.failed = true
            return checker.outcome
        }
        checker.checkWaiting(parser)
    }
    return checker.outcome
}

/// Checks the event stream of one parser against the rules any input must obey.
struct EventChecker {
    enum Framing: Equatable { case none, length(Int), chunked }

    let limits: HTTPParserLimits
    var outcome = FeedOutcome()
    /// The framing of the message between its `.head` and its `.end`; nil outside a message.
    var framing: Framing?
    var headerCount = 0
    /// Set when a message that closes the connection has ended: no further head may follow.
    var closed = false

    init(limits: HTTPParserLimits) { self.limits = limits }

    mutating func check(_ event: HTTPParserEvent, parser: HTTPRequestParser) {
        switch event {
        case .head(let head):
            invariant(framing == nil, ".head inside a message")
            invariant(!closed, ".head after a message that closed the connection")
            let framing = checkHead(head)
            invariant(parser.expectsBody == (framing != .none), "expectsBody disagrees with \(framing)")
            self.framing = framing
            headerCount = head.headers.count
            outcome.messages.append(FeedOutcome.Message(
                method: head.method.rawValue, target: head.target, version: head.version, headers: head.headers.fields))
        case .body(let bytes):
            guard let framing else { invariantFailure(".body outside a message") }
            invariant(framing != .none, ".body for a message without a body")
            invariant(!bytes.isEmpty, "empty .body event")
            outcome.messages[outcome.messages.count - 1].body += bytes
            let delivered = outcome.messages[outcome.messages.count - 1].body.count
            if case .length(let length) = framing { invariant(delivered <= length, "body past Content-Length") }
            invariant(delivered <= limits.maxBodyBytes, "body past the limit")
        case .end(let trailers):
            guard let framing else { invariantFailure(".end without a .head") }
            let message = outcome.messages[outcome.messages.count - 1]
            switch framing {
            case .none: invariant(message.body.isEmpty, "body bytes for a message without a body")
            case .length(let length): invariant(message.body.count == length, "body shorter than Content-Length")
            case .chunked: break
            }
            invariant(framing == .chunked || trailers.isEmpty, "trailers without chunked framing")
            invariant(headerCount + trailers.count <= limits.maxHeaderCount, "more fields than the limit")
            trailers.forEach(checkField)
            let keepAlive = HTTPRequestHead(method: .get, target: "/", version: message.version,
                                            headers: HTTPHeaders(message.headers.map { ($0.name, $0.value) })).keepAlive
            invariant(parser.isClosed == !keepAlive, "isClosed disagrees with the request's keep-alive")
            invariant(!parser.expectsBody, "expectsBody after .end")
            outcome.messages[outcome.messages.count - 1].trailers = trailers.fields
            outcome.messages[outcome.messages.count - 1].complete = true
            self.framing = nil
            closed = !keepAlive
        }
    }

    /// After `next()` returned nil: every buffered byte was examined, and the flags describe the parser's place.
    func checkWaiting(_ parser: HTTPRequestParser) {
        invariant(parser.bufferedByteCount == 0, "next() returned nil with \(parser.bufferedByteCount) bytes unread")
        let places = [parser.isIdle, parser.isReadingHead, parser.isClosed].filter { $0 }.count
        if let framing {
            invariant(parser.expectsBody, "waiting inside a message but expectsBody is false")
            invariant(!parser.isIdle && !parser.isClosed, "idle or closed inside a message")
            // Known: isReadingHead is also true in a chunked body's trailer section (reported, not enforced).
            invariant(framing == .chunked || !parser.isReadingHead, "reading a head inside a message")
        } else {
            invariant(places == 1, "between messages, not exactly one of idle, reading a head, closed")
        }
    }

    /// The request line and header rules a delivered head must satisfy; returns how its body is framed.
    func checkHead(_ head: HTTPRequestHead) -> Framing {
        invariant(HTTPMethod.registered.contains(head.method.rawValue), "unregistered method \(head.method)")
        invariant(head.version.major == 1 && (0...9).contains(head.version.minor), "version \(head.version)")
        invariant(head.target.utf8.allSatisfy(ByteClass.isTargetByte), "bad byte in the request-target")
        let lineBytes = head.method.rawValue.utf8.count + head.target.utf8.count + 11
        invariant(lineBytes <= limits.maxRequestLineBytes, "request line longer than the limit")
        invariant(head.headers.count <= limits.maxHeaderCount, "more header fields than the limit")
        // Values are decoded leniently (obs-text becomes U+FFFD), so count scalars: never more than the raw bytes.
        let sectionBytes = head.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.unicodeScalars.count + 3 }
        invariant(sectionBytes <= limits.maxHeaderBytes, "header section larger than the limit")
        head.headers.forEach(checkField)
        let lengths = head.headers.values(for: "Content-Length")
        if head.headers.contains("Transfer-Encoding") {
            invariant(lengths.isEmpty, "Content-Length beside Transfer-Encoding accepted")
            invariant(head.version.minor >= 1, "Transfer-Encoding accepted in HTTP/1.0")
            let last = head.headers.listValues(for: "Transfer-Encoding").last ?? ""
            let coding = last.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            invariant(coding.trimmingASCIIWhitespace().lowercased() == "chunked", "final coding is not chunked")
            return .chunked
        }
        invariant(lengths.count <= 1, "several Content-Length fields accepted")
        guard let text = lengths.first else { return .none }
        guard let length = Int(text), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            invariantFailure("invalid Content-Length accepted: \(text)")
        }
        invariant(length <= limits.maxBodyBytes, "Content-Length over the limit accepted")
        return length == 0 ? .none : .length(length)
    }

    /// A field name is a token; a value has no CR, LF, NUL or DEL and no surrounding whitespace (RFC 9110 §5.5).
    func checkField(_ field: HTTPHeaders.Field) {
        invariant(!field.name.isEmpty && field.name.utf8.allSatisfy(ByteClass.isToken), "bad field name")
        invariant(field.value.utf8.allSatisfy(ByteClass.isFieldValue), "bad byte in a field value")
        let edges = [field.value.utf8.first, field.value.utf8.last]
        invariant(!edges.contains(0x20) && !edges.contains(0x09), "field value not trimmed")
    }
}

/// A `precondition` that names the broken rule on standard error first (-O drops precondition messages).
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    guard !condition() else { return }
    invariantFailure(message(), line: line)
}

/// A `preconditionFailure` that names the broken rule first (see `invariant`).
func invariantFailure(_ message: @autoclosure () -> String, line: UInt = #line) -> Never {
    FileHandle.standardError.write(Data("invariant violated (HTTPParserFuzz.swift:\(line)): \(message())\n".utf8))
    preconditionFailure(message())
}

/// A small deterministic generator, so a failing split replays from the same input.
struct SplitMix {
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
