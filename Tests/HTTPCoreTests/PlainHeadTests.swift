@testable import HTTPCore
import Testing

/// The straight-loop path for whole, plain heads changes nothing but speed: with it on and off, the same bytes fed
/// the same way give the same events, header bytes and spans, and parser state after every event, for every
/// corpus input and for heads made to sit on the path's edges.
@Suite("Plain head path")
struct PlainHeadTests {
    /// Feeds the input whole, byte by byte and in seeded random pieces, with the path on and off, and compares.
    static func expectSame(_ input: [UInt8], limits: HTTPParserLimits = HTTPParserLimits(), _ label: String) {
        for mode in FeedMode.allCases {
            let pieces = mode.splits(for: input.count, seed: input.count)
            let on = trace(input, pieces: pieces, limits: limits, plainPath: true)
            let off = trace(input, pieces: pieces, limits: limits, plainPath: false)
            guard let difference = zip(on, off).first(where: { $0 != $1 }) ?? (on.count == off.count ? nil : ("", ""))
            else { continue }
            Issue.record("\(label), fed \(mode): with the path \(difference.0), without \(difference.1)")
        }
    }

    /// Every event and the parser's state after it, as text.
    static func trace(_ input: [UInt8], pieces: [Int], limits: HTTPParserLimits, plainPath: Bool) -> [String] {
        var parser = HTTPRequestParser(limits: limits)
        parser.usesPlainHeadPath = plainPath
        var lines: [String] = []
        let error = feed(input, pieces: pieces, into: &parser, afterPiece: { lines.append("read " + state(of: $0)) }) {
            event, parser in
            switch event {
            case .head(let head):
                lines.append("head \(head.method) \(head.target) 1.\(head.version.minor) \(head.headers.bytes) "
                    + "\(head.headers.spans.map { [$0.nameStart, $0.nameEnd, $0.valueStart, $0.valueEnd] })")
            case .body(let bytes): lines.append("body \(bytes)")
            case .end(let trailers): lines.append("end \(trailers.fields)")
            }
            lines.append(state(of: parser))
        }
        if let error { lines.append("error \(error.status.code) \(error.reason)") }
        return lines
    }

    /// What the parser keeps between calls.
    static func state(of parser: HTTPRequestParser) -> String {
        let head = parser.head
        return "cursor \(parser.cursor) \(parser.state) keepAlive \(parser.keepAlive) fields \(parser.fieldCount) "
            + "head \(head.start) \(head.methodEnd) \(head.targetStart) \(head.targetEnd) \(head.major).\(head.minor) "
            + "\(head.requestLineEnd) \(head.inTrailers) \(head.sawContentLength) \(head.sawTransferEncoding) "
            + "closed \(parser.isClosed) body \(parser.expectsBody) reading \(parser.isReadingHead) "
            + "idle \(parser.isIdle) buffered \(parser.bufferedByteCount)"
    }

    @Test("every llhttp and http-desync-guardian input")
    func corpora() {
        for testCase in LLHTTPCaseTests.cases { Self.expectSame(testCase.input, "llhttp \(testCase.name)") }
        for testCase in DesyncGuardianTests.cases { Self.expectSame(testCase.rawRequest, "desync \(testCase.name)") }
        #expect(LLHTTPCaseTests.cases.count > 100 && DesyncGuardianTests.cases.count > 100)
    }

    static let edges: [String] = [
        "GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost:x\r\nX-Pad: \t a b \t\r\nEmpty:\r\nEmpty2:   \r\n\r\n",
        "GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.0\r\n\r\nGET /c HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\ncontent-LENGTH: 0\r\n\r\n",
        "GET /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: caf\u{E9}\r\n\r\n",
        "GET /caf\u{E9} HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\u{7F}b\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\nb\r\n\r\n",
        "GET /a HTTP/1.1\r\nX : a\r\n\r\n",
        "GET /a HTTP/1.1\r\n : a\r\n\r\n",
        "GET /a HTTP/1.1\r\n folded\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\r\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\r\n\r",
        "GET /a HTTP/1.1\r\nX: a\r\n",
        "GET /a HTTP/2.0\r\n\r\n",
        "GET /a HTTP/1.x\r\n\r\n",
        "GET /a HTTP/1.1 \r\n\r\n",
        "GET  /a HTTP/1.1\r\n\r\n",
        "GET /a\r\n\r\n",
        "BREW /a HTTP/1.1\r\n\r\n",
        "get /a HTTP/1.1\r\n\r\n",
        "\r\n\r\nGET /a HTTP/1.1\r\n\r\n",
        "GET /a?b=c#d HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
    ]

    @Test("heads on the plain path's edges", arguments: edges)
    func edgeHeads(_ text: String) {
        Self.expectSame(Array(text.utf8), text)
    }

    @Test("plain heads take the plain path; partial heads, bodies and odd bytes are left to the state machine",
          arguments: [("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", true), ("GET /a HTTP/1.1\r\nHost: x\r\n", false),
                      ("POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\nx", false),
                      ("GET /\u{E9} HTTP/1.1\r\n\r\n", false),
                      ("HEAD / HTTP/1.0\r\nA:\r\nB: c d \r\n\r\n", true)])
    func taken(_ text: String, _ expected: Bool) {
        var parser = HTTPRequestParser()
        let bytes = Array(text.utf8)
        let head = bytes.withUnsafeBufferPointer { parser.parseWholePlainHead($0) }
        #expect((head != nil) == expected)
        #expect(parser.cursor == (expected ? bytes.count : 0))
    }

    @Test("any byte at any place of a long target or field value, against the word-at-a-time checks")
    func bytesInWords() {
        let bytes: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for position in 0..<24 {
            for byte in bytes {
                var value = Array(repeating: UInt8(ascii: "v"), count: 24)
                value[position] = byte
                let field = Array("GET /a HTTP/1.1\r\nX-Long: ".utf8) + value + Array("\r\n\r\n".utf8)
                Self.expectSame(field, "value byte \(byte) at \(position)")
                var target = Array("/".utf8) + Array(repeating: UInt8(ascii: "t"), count: 24)
                target[position + 1] = byte
                Self.expectSame(Array("GET ".utf8) + target + Array(" HTTP/1.1\r\n\r\n".utf8),
                                "target byte \(byte) at \(position)")
            }
        }
    }

    @Test("heads at and past every limit")
    func limits() {
        let request = Array("GET /abcdef HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n".utf8)
        for size in 16...48 {
            Self.expectSame(request, limits: HTTPParserLimits(maxRequestLineBytes: size), "request line \(size)")
            Self.expectSame(request, limits: HTTPParserLimits(maxHeaderBytes: size - 16), "header section \(size - 16)")
        }
        for count in 0...4 {
            Self.expectSame(request, limits: HTTPParserLimits(maxHeaderCount: count), "field count \(count)")
        }
    }
}
