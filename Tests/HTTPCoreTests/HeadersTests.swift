import HTTPCore
import Testing

/// Header fields kept as bytes behave as a list of named strings, whether built or parsed.
@Suite("Header fields")
struct HeadersTests {
    /// The head a parser makes of these header lines.
    static func parsed(_ lines: String) throws -> HTTPHeaders {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\n\(lines)\r\n".utf8))
        guard case .head(let head) = try #require(try parser.next()) else {
            Issue.record("no head")
            return [:]
        }
        return head.headers
    }

    /// The head the serializer writes for these fields, without status line, Date and framing.
    static func serialized(_ headers: HTTPHeaders) -> String {
        var buffer: [UInt8] = []
        HTTPResponseSerializer.writeHead(HTTPResponse(status: .ok, headers: headers), framing: .none, keepAlive: true,
                                         date: "D", into: &buffer)
        let text = String(decoding: buffer, as: UTF8.self)
        return String(text.dropFirst("HTTP/1.1 200 OK\r\n".count).dropLast("Date: D\r\n\r\n".count))
    }

    /// The first value's bytes for a name, through `withFirstValues`.
    static func firstValue(_ headers: HTTPHeaders, _ name: String) -> [UInt8]? {
        var found: [UInt8]?
        headers.withFirstValues(of: [Array(name.utf8)]) { _, value in found = value.map(Array.init) }
        return found
    }

    @Test("built fields: lookup ignores case, every value is kept in order, the first wins a lookup")
    func built() {
        var headers: HTTPHeaders = ["Accept": "a/b", "X-Many": "1"]
        headers.add(name: "x-many", value: "2")
        #expect(headers["ACCEPT"] == "a/b" && headers["x-MANY"] == "1" && headers["Missing"] == nil)
        #expect(headers.values(for: "X-Many") == ["1", "2"])
        #expect(headers.contains("accept") && !headers.contains("Accep") && !headers.contains("Accepts"))
        #expect(headers.fields.map(\.name) == ["Accept", "X-Many", "x-many"])
        #expect(Self.firstValue(headers, "x-many") == Array("1".utf8))
        #expect(Self.firstValue(headers, "absent") == nil)
        #expect(headers.isWireForm)
        #expect(Self.serialized(headers) == "Accept: a/b\r\nX-Many: 1\r\nx-many: 2\r\n")
    }

    @Test("replacing keeps the first field's place and spelling and drops the rest; removing drops them all")
    func replaceAndRemove() {
        var headers: HTTPHeaders = ["A": "1", "b": "2", "C": "3"]
        headers.add(name: "B", value: "4")
        headers.replaceOrAdd(name: "B", value: "five")
        #expect(headers.fields == [.init(name: "A", value: "1"), .init(name: "b", value: "five"),
                                   .init(name: "C", value: "3")])
        headers["D"] = "6"
        headers["a"] = nil
        #expect(headers.fields.map(\.name) == ["b", "C", "D"] && headers.count == 3)
        headers.remove(name: "absent")
        #expect(Self.serialized(headers) == "b: five\r\nC: 3\r\nD: 6\r\n")
    }

    @Test("parsed fields: values without their whitespace, raw bytes between them, the same answers as built ones")
    func parsedFields() throws {
        var headers = try Self.parsed("Host:a\r\nX-Pad:  v  w \t\r\nEmpty:\r\nhost: b\r\n")
        #expect(!headers.isWireForm)
        #expect(headers.fields == [.init(name: "Host", value: "a"), .init(name: "X-Pad", value: "v  w"),
                                   .init(name: "Empty", value: ""), .init(name: "host", value: "b")])
        #expect(headers.values(for: "HOST") == ["a", "b"] && headers["empty"] == "")
        #expect(Self.serialized(headers) == "Host: a\r\nX-Pad: v  w\r\nEmpty: \r\nhost: b\r\n")
        headers.replaceOrAdd(name: "x-pad", value: "z")
        #expect(headers.isWireForm)
        #expect(Self.serialized(headers) == "Host: a\r\nX-Pad: z\r\nEmpty: \r\nhost: b\r\n")
    }

    @Test("obs-text in a value survives as bytes and reads back repaired, as before")
    func obsText() throws {
        var raw = HTTPRequestParser()
        raw.append(Array("GET / HTTP/1.1\r\nX-Latin: caf".utf8) + [0xE9] + Array("\r\n\r\n".utf8))
        guard case .head(let head) = try #require(try raw.next()) else { return }
        #expect(Self.firstValue(head.headers, "x-latin") == Array("caf".utf8) + [0xE9])
        #expect(head.headers["X-Latin"] == "caf\u{FFFD}")
    }

    @Test("a value with CR or LF is kept as given but never written as a line break")
    func lineBreaks() {
        var headers: HTTPHeaders = ["A": "1"]
        headers.add(name: "X-Odd", value: "a\nb")
        #expect(headers["x-odd"] == "a\nb" && !headers.isWireForm)
        #expect(Self.serialized(headers) == "A: 1\r\nX-Odd: a b\r\n")
    }

    @Test("the server's own fields are left out of built fields copied in one go, and the framing is the server's")
    func serverOwnedFields() {
        let headers: HTTPHeaders = ["Content-Type": "a", "Content-Length": "99", "Connection": "keep-alive",
                                    "Date": "then", "Transfer-Encoding": "chunked", "X-Last": "z"]
        #expect(headers.isWireForm)
        var buffer: [UInt8] = []
        HTTPResponseSerializer.writeHead(HTTPResponse(status: .ok, headers: headers), framing: .length(3),
                                         keepAlive: true, date: "now", into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self)
            == "HTTP/1.1 200 OK\r\nContent-Type: a\r\nDate: then\r\nX-Last: z\r\nContent-Length: 3\r\n\r\n")
    }

    @Test("a name that is not a token is never written, so it cannot split the response")
    func badNames() {
        var headers: HTTPHeaders = ["A": "1"]
        headers.add(name: "X-A\r\nSet-Cookie", value: "evil")
        headers.add(name: "", value: "empty name")
        headers.add(name: "B c", value: "2")
        #expect(!headers.isWireForm && headers.count == 4)
        #expect(Self.serialized(headers) == "A: 1\r\n")
        headers.remove(name: "X-A\r\nSet-Cookie")
        headers.remove(name: "")
        headers.remove(name: "B c")
        #expect(headers.isWireForm && Self.serialized(headers) == "A: 1\r\n")
    }

    @Test("removing the value that had a line break puts the fields back in wire form, copied as they are")
    func backToWireForm() {
        var headers: HTTPHeaders = ["A": "1", "X-Odd": "a\nb", "C": "3"]
        #expect(!headers.isWireForm)
        headers["x-odd"] = nil
        #expect(headers.isWireForm && Self.serialized(headers) == "A: 1\r\nC: 3\r\n")
    }

    @Test("tokens: exactly RFC 9110's tchar among all 256 bytes")
    func tokens() {
        let tchar = Set(Array("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))
        for byte in UInt8.min...UInt8.max {
            #expect(ByteClass.isToken(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }
}
