import CCurl
import Foundation
import HTTPCore
import Testing
@testable import HTTPClient
#if canImport(Glibc)
import Glibc
#endif

@Suite("Statuses and errors")
struct ErrorTests {
    @Test("4xx and 5xx are responses, not errors", arguments: [400, 401, 404, 429, 500, 502, 503])
    func errorStatusesPassThrough(code: Int) async throws {
        try await withServer { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/status/\(code)")))
            #expect(response.status.code == code)
            #expect(try await response.collect() == Array("status \(code)".utf8))
        }
    }

    @Test("A closed port fails with .connectionFailed")
    func connectionRefused() async throws {
        let port = try closedPort()
        let client = HTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(HTTPClientRequest(url: "http://127.0.0.1:\(port)/"))
        }
        guard case .connectionFailed(let detail)? = error else {
            Issue.record("expected .connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(!detail.isEmpty)
    }

    @Test("A server that never answers fails with .timeout soon after the timeout")
    func timeout() async throws {
        try await withServer { server, client in
            let start = ContinuousClock.now
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.send(HTTPClientRequest(url: server.url("/never"), timeout: .milliseconds(300)))
            }
            let elapsed = ContinuousClock.now - start
            guard case .timeout? = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
            // The ceiling only catches "never times out": a loaded 2-core machine can delay the loop by seconds.
            #expect(elapsed >= .milliseconds(290) && elapsed < .seconds(15))
        }
    }

    @Test("An idle timeout ends a response that stops arriving")
    func idleTimeout() async throws {
        let response: @Sendable (HTTPRequest) async throws -> HTTPResponse = { _ in
            .stream(HTTPBodyStream(unfolding: {
                try await Task.sleep(for: .seconds(20))
                return nil
            }), contentType: "text/event-stream")
        }
        try await withServer(response) { server, client in
            let start = ContinuousClock.now
            let reply = try await client.send(HTTPClientRequest(url: server.url("/"), idleTimeout: .seconds(1)))
            let error = await #expect(throws: HTTPClientError.self) { _ = try await reply.collect() }
            guard case .timeout? = error else {
                Issue.record("expected .timeout, got \(String(describing: error))")
                return
            }
            // Well before the server's 20 s pause ends; generous because a loaded 2-core machine delays loops.
            #expect(ContinuousClock.now - start < .seconds(12))
        }
    }

    @Test("Bad URLs fail with .invalidURL", arguments: [
        "", "not a url", "ftp://127.0.0.1/file", "file:///etc/passwd", "http://", "http://exa mple.com/", "/relative",
    ])
    func invalidURL(url: String) async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(HTTPClientRequest(url: url))
        }
        guard case .invalidURL? = error else {
            Issue.record("expected .invalidURL, got \(String(describing: error))")
            return
        }
    }

    @Test("HTTPS to a plain HTTP server fails with .tls")
    func tlsHandshakeFailure() async throws {
        try await withServer { server, client in
            let url = server.url("/echo").replacingOccurrences(of: "http://", with: "https://")
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.send(HTTPClientRequest(url: url, timeout: .seconds(5)))
            }
            guard case .tls? = error else {
                Issue.record("expected .tls, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("An unreadable CA bundle fails with .tls")
    func missingCABundle() async throws {
        let configuration = HTTPClient.Configuration(tls: .init(caBundlePath: "/nonexistent/ca.pem"))
        try await withServer(configuration: configuration) { server, client in
            let url = server.url("/").replacingOccurrences(of: "http://", with: "https://")
            let error = await #expect(throws: HTTPClientError.self) {
                _ = try await client.send(HTTPClientRequest(url: url, timeout: .seconds(5)))
            }
            guard case .tls? = error else {
                Issue.record("expected .tls, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("Error descriptions hold curl's text, never request headers or bodies")
    func noSecretsInDescriptions() async throws {
        let port = try closedPort()
        let client = HTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.send(HTTPClientRequest(
                method: .post, url: "http://127.0.0.1:\(port)/v1?x=1",
                headers: ["Authorization": "Bearer sk_live_SECRET"],
                body: .json(#"{"key":"SECRET"}"#)))
        }
        let description = String(describing: try #require(error))
        #expect(description.hasPrefix("connection failed: "))
        #expect(!description.contains("SECRET"))
    }

    @Test("After shutdown, send fails with .shutdown; a request in flight fails too")
    func shutdown() async throws {
        let server = try TestServer(TestRoutes.respond)
        let client = HTTPClient()
        let pending = Task { try await client.send(HTTPClientRequest(url: server.url("/never"))) }
        try await Task.sleep(for: .milliseconds(100))
        client.shutdown()
        await #expect(throws: HTTPClientError.shutdown) { _ = try await pending.value }
        await #expect(throws: HTTPClientError.shutdown) {
            _ = try await client.send(HTTPClientRequest(url: server.url("/echo")))
        }
        client.shutdown()
        await server.shutdown()
    }

    @Test("curl codes map to the documented cases", arguments: [
        (CURLE_URL_MALFORMAT, "invalidURL"), (CURLE_COULDNT_RESOLVE_HOST, "connectionFailed"),
        (CURLE_COULDNT_CONNECT, "connectionFailed"), (CURLE_RECV_ERROR, "connectionFailed"),
        (CURLE_OPERATION_TIMEDOUT, "timeout"), (CURLE_PEER_FAILED_VERIFICATION, "tls"),
        (CURLE_SSL_CONNECT_ERROR, "tls"), (CURLE_TOO_MANY_REDIRECTS, "tooManyRedirects"),
        (CURLE_PARTIAL_FILE, "invalidResponse"), (CURLE_OUT_OF_MEMORY, "transferFailed"),
    ])
    func curlCodeMapping(code: CURLcode, name: String) {
        let error = HTTPClientError(curlCode: code, message: "")
        #expect(String(describing: error).hasPrefix(Self.prefixes[name] ?? "?"))
        #expect(!String(describing: error).hasSuffix(": "))
    }

    private static let prefixes = [
        "invalidURL": "invalid URL: ", "connectionFailed": "connection failed: ", "timeout": "timeout: ",
        "tls": "TLS failure: ", "tooManyRedirects": "too many redirects: ", "invalidResponse": "invalid response: ",
        "transferFailed": "transfer failed: ",
    ]
}

/// A loopback port with nothing listening: bound, read back, then closed.
func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
        }
    }
    struct NoPort: Error {}
    guard bound else { throw NoPort() }
    return Int(UInt16(bigEndian: address.sin_port))
}
