import HTTPCore
import Testing

/// The shortcuts taken on the request path give the same answers as the general code.
@Suite("Request-path shortcuts")
struct FastPathTests {
    @Test("method bytes map to the registered method, case-sensitively; others are refused with 501",
          arguments: [("GET", "GET"), ("POST", "POST"), ("PUT", "PUT"), ("HEAD", "HEAD"), ("PATCH", "PATCH"),
                      ("PROPFIND", "PROPFIND"), ("get", nil), ("GETS", nil), ("PUR", nil), ("BREW", nil)]
              as [(String, String?)])
    func methods(_ text: String, _ expected: String?) {
        let method = Array(text.utf8).withUnsafeBufferPointer { HTTPMethod.registered($0) }
        #expect(method?.rawValue == expected)
        let input = Array("\(text) /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        let outcome = parse(input, splits: [])
        #expect(outcome.error?.status.code == (expected == nil ? 501 : nil))
    }

    @Test("heads: status lines for standard and custom phrases, framing fields replaced, CR and LF neutralized")
    func heads() {
        var response = HTTPResponse.json("{}", status: .notFound)
        response.headers.add(name: "content-length", value: "99")
        response.headers.add(name: "X-Odd", value: "a\r\nb")
        var buffer: [UInt8] = []
        HTTPResponseSerializer.writeHead(response, framing: .length(1234), keepAlive: false,
                                         date: "Sun, 06 Nov 1994 08:49:37 GMT", into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
            + "X-Odd: a  b\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 1234\r\nConnection: close\r\n\r\n")
        buffer = []
        let custom = HTTPResponse(status: HTTPStatus(code: 200, reasonPhrase: "Fine"), headers: ["date": "x"])
        HTTPResponseSerializer.writeHead(custom, framing: .length(0), keepAlive: true, date: "unused", into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "HTTP/1.1 200 Fine\r\ndate: x\r\nContent-Length: 0\r\n\r\n")
    }

    @Test("the path and keep-alive of a head", arguments: [
        ("/a/b", "1.1", nil, "/a/b", true), ("/a?b=/c#d", "1.1", nil, "/a", true), ("/x#y", "1.0", nil, "/x", false),
        ("/", "1.0", "keep-alive", "/", true), ("/", "1.1", "Close", "/", false),
    ] as [(String, String, String?, String, Bool)])
    func pathAndKeepAlive(_ target: String, _ version: String, _ connection: String?, _ path: String, _ keepAlive: Bool) {
        let headers: HTTPHeaders = connection.map { ["Connection": $0] } ?? [:]
        let head = HTTPRequestHead(method: .get, target: target,
                                   version: version == "1.0" ? .http1_0 : .http1_1, headers: headers)
        #expect(head.path == path)
        #expect(head.keepAlive == keepAlive)
    }

    enum First: RequestAttributeKey { typealias Value = Int }
    enum Second: RequestAttributeKey { typealias Value = String }

    @Test("request attributes keep every key apart, however they are set and cleared")
    func attributes() {
        var attributes = RequestAttributes()
        attributes[Second.self] = "b"
        attributes[First.self] = 1
        #expect(attributes[First.self] == 1 && attributes[Second.self] == "b")
        attributes[Second.self] = nil
        attributes[First.self] = 2
        attributes[Second.self] = "c"
        #expect(attributes[First.self] == 2 && attributes[Second.self] == "c")
        attributes[First.self] = nil
        #expect(attributes[First.self] == nil && attributes[Second.self] == "c")
    }
}
