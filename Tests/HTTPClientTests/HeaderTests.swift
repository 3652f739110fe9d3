import HTTPCore
import Testing
@testable import HTTPClient

@Suite("Header fields")
struct HeaderTests {
    /// The header lines `/headers` saw, as `name: value` strings.
    private func receivedLines(_ request: (TestServer) -> HTTPClientRequest) async throws -> [String] {
        try await withServer { server, client in
            let response = try await client.send(request(server))
            let text = String(decoding: try await response.collect(), as: UTF8.self)
            return text.split(separator: "\n").map(String.init)
        }
    }

    @Test("Request fields go out in order after Host, with repeats and an empty value; curl adds no Accept")
    func requestFieldsInOrder() async throws {
        let lines = try await receivedLines { server in
            HTTPClientRequest(url: server.url("/headers"), headers: HTTPHeaders([
                ("X-B", "2"), ("authorization", "Bearer sk_test"), ("X-A", "1"), ("X-B", "3"), ("X-Empty", ""),
            ]))
        }
        #expect(lines.first?.hasPrefix("Host: 127.0.0.1:") == true)
        let expected = ["X-B: 2", "authorization: Bearer sk_test", "X-A: 1", "X-B: 3", "X-Empty: "]
        #expect(Array(lines.dropFirst()) == expected)
    }

    @Test("Framing and hop-by-hop fields from the caller are replaced by curl's own")
    func framingFieldsDropped() async throws {
        let lines = try await receivedLines { server in
            HTTPClientRequest(method: .post, url: server.url("/headers"), headers: HTTPHeaders([
                ("Content-Length", "999"), ("Connection", "close"), ("Transfer-Encoding", "gzip"), ("X-Keep", "yes"),
            ]), body: .bytes([1, 2, 3]))
        }
        let names = lines.compactMap { $0.split(separator: ":").first.map { $0.lowercased() } }
        #expect(names.filter { $0 == "content-length" }.count == 1)
        #expect(lines.contains("Content-Length: 3"))
        #expect(!names.contains("connection") && !names.contains("transfer-encoding") && !names.contains("expect"))
        #expect(lines.contains("X-Keep: yes"))
    }

    @Test("A POST with no body says Content-Length: 0")
    func emptyPostLength() async throws {
        let lines = try await receivedLines { server in
            HTTPClientRequest(method: .post, url: server.url("/headers"))
        }
        #expect(lines.contains("Content-Length: 0"))
        #expect(!lines.contains { $0.lowercased().hasPrefix("content-type") })
    }

    @Test("Response fields come back in arrival order with repeats and their case")
    func responseFieldsInOrder() async throws {
        try await withServer { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/fields")))
            let custom = response.headers.fields.filter { ["x-first", "set-cookie", "x-middle", "x-last"]
                .contains($0.name.lowercased()) }
            #expect(custom.map { "\($0.name)=\($0.value)" } == ["X-First=1", "set-cookie=a=1", "X-Middle=m",
                                                               "Set-Cookie=b=2", "x-last=z"])
            #expect(response.headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
            #expect(response.headers["Content-Length"] == "6")
            #expect(response.version == .http1_1)
            #expect(try await response.collect() == Array("fields".utf8))
        }
    }

    @Test("A header value with CR or LF, or a bad name, is refused before anything is sent",
          arguments: [("X-Bad", "a\r\nInjected: 1"), ("Bad Name", "v"), ("", "v")])
    func invalidFields(name: String, value: String) async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(
                HTTPClientRequest(url: "http://127.0.0.1:9/", headers: HTTPHeaders([(name, value)])))
        }
        guard case .invalidRequest(let detail)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(!detail.contains("Injected"))
    }

    @Test("After 100 Continue only the final response's head is returned")
    func interimResponseSkipped() async throws {
        try await withServer { server, client in
            let response = try await client.send(HTTPClientRequest(
                method: .post, url: server.url("/echo"), headers: ["Expect": "100-continue"], body: .bytes([5, 6])))
            #expect(response.status == .ok)
            #expect(response.headers["X-Echo-Method"] == "POST")
            #expect(try await response.collect() == [5, 6])
        }
    }

    @Test("A 3xx is returned as it is by default")
    func redirectNotFollowed() async throws {
        try await withServer { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/redirect")))
            #expect(response.status.code == 302)
            #expect(response.headers["Location"] == "/echo")
            #expect(try await response.collect() == Array("moved".utf8))
        }
    }

    @Test("With .follow the final response's head and body are returned, not the redirect's")
    func redirectFollowed() async throws {
        try await withServer(configuration: .init(redirects: .follow(max: 3))) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/redirect")))
            #expect(response.status == .ok)
            #expect(response.headers["X-Hop"] == nil)
            #expect(response.headers["X-Echo-Target"] == "/echo")
            #expect(try await response.collect().isEmpty)
        }
    }

    @Test("Past the redirect limit the request fails with .tooManyRedirects")
    func redirectLoop() async throws {
        try await withServer { server, client in
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.send(HTTPClientRequest(url: server.url("/loop"), redirects: .follow(max: 2)))
            }
            guard case .tooManyRedirects? = error else {
                Issue.record("expected .tooManyRedirects, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("HEAD returns the head with no body")
    func head() async throws {
        try await withServer { server, client in
            let response = try await client.send(HTTPClientRequest(method: .head, url: server.url("/bytes?count=10")))
            #expect(response.status == .ok)
            #expect(response.headers["Content-Length"] == "10")
            #expect(try await response.collect().isEmpty)
        }
    }
}
