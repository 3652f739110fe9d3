import HTTPCore
import Testing
@testable import HTTPClient

@Suite("Response head parser")
struct ResponseHeadParserTests {
    /// Feeds lines (CRLF added) and returns the parser and the index of the line that delivered the head.
    private func parse(_ lines: [String], follows: Bool = false) -> (ResponseHeadParser, Int?) {
        var parser = ResponseHeadParser(followsRedirects: follows)
        var deliveredAt: Int?
        for (index, line) in lines.enumerated() {
            let bytes = Array((line + "\r\n").utf8)
            let action = bytes.withUnsafeBytes { parser.consume($0) }
            if action == .deliver { deliveredAt = index }
        }
        return (parser, deliveredAt)
    }

    @Test("A status line, fields and a blank line make the head", arguments: [
        ("HTTP/1.1 200 OK", 200, "OK", HTTPVersion.http1_1),
        ("HTTP/1.0 404 Not Found", 404, "Not Found", .http1_0),
        ("HTTP/2 201 ", 201, "Created", HTTPVersion(major: 2, minor: 0)),
        ("HTTP/1.1 599 Custom Words Here", 599, "Custom Words Here", .http1_1),
    ])
    func statusLines(line: String, code: Int, reason: String, version: HTTPVersion) throws {
        let (parser, deliveredAt) = parse([line, "A: 1", ""])
        let head = try #require(parser.head)
        #expect(deliveredAt == 2)
        #expect(head.status.code == code)
        #expect(head.status.reasonPhrase == reason)
        #expect(head.version == version)
        #expect(head.headers.fields == [HTTPHeaders.Field(name: "A", value: "1")])
    }

    @Test("Interim 1xx heads are skipped; the final head has only its own fields")
    func interim() throws {
        let (parser, deliveredAt) = parse(["HTTP/1.1 100 Continue", "X-Interim: 1", "", "HTTP/1.1 200 OK", "B: 2", ""])
        #expect(deliveredAt == 5)
        #expect(try #require(parser.head).headers.fields == [HTTPHeaders.Field(name: "B", value: "2")])
    }

    @Test("A redirect with Location is skipped only when following")
    func redirects() throws {
        let lines = ["HTTP/1.1 302 Found", "Location: /next", "", "HTTP/1.1 200 OK", "C: 3", ""]
        let (following, followedAt) = parse(lines, follows: true)
        #expect(followedAt == 5)
        #expect(try #require(following.head).status == .ok)
        let (notFollowing, deliveredAt) = parse(lines, follows: false)
        #expect(deliveredAt == 2)
        #expect(try #require(notFollowing.head).status.code == 302)
        let (noLocation, noLocationAt) = parse(["HTTP/1.1 302 Found", ""], follows: true)
        #expect(noLocationAt == 1)
        #expect(noLocation.head?.status.code == 302)
    }

    @Test("Values are trimmed, folded lines joined, and trailers after delivery ignored")
    func fieldDetails() throws {
        let (parser, _) = parse(["HTTP/1.1 200 OK", "X-Long:  a ", "\t b", "Empty:", "", "Trailer-Field: t"])
        let head = try #require(parser.head)
        #expect(head.headers.fields == [HTTPHeaders.Field(name: "X-Long", value: "a b"),
                                        HTTPHeaders.Field(name: "Empty", value: "")])
    }

    @Test("Durations become whole milliseconds, rounded up, never 0", arguments: [
        (Duration.milliseconds(300), 300), (.nanoseconds(1), 1), (.zero, 1), (.seconds(2), 2000),
        (.microseconds(1500), 2), (.seconds(-1), 1),
    ])
    func milliseconds(duration: Duration, expected: Int) {
        #expect(duration.roundedUpMilliseconds == expected)
    }

    @Test("Quotes, CR and LF in multipart names are percent-escaped")
    func multipartEscape() {
        #expect(MultipartEncoder.escape("a\"b\r\nc") == "a%22b%0D%0Ac")
        #expect(MultipartEncoder.escape("naïve.txt") == "naïve.txt")
    }
}
