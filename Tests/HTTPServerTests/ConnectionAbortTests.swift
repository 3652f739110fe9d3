import Foundation
import HTTPCore
import HTTPServer
import Testing

/// `ConnectionAbort` resets the connection: the client sees ECONNRESET, not a clean end of stream.
@Suite("Connection abort (TCP RST)")
struct ConnectionAbortTests {
    static let responder = ClosureResponder { request in
        switch request.path {
        case "/abort":
            throw ConnectionAbort()
        case "/abort-later":
            try await Task.sleep(for: .milliseconds(10))
            throw ConnectionAbort()
        case "/head-then-abort":
            let stream = HTTPBodyStream { $0.finish(throwing: ConnectionAbort()) }
            return .stream(stream, contentType: "text/plain", headers: ["Content-Length": "10"])
        default:
            return .text("ok")
        }
    }

    func end(port: Int, _ path: String) async throws -> (bytes: [UInt8], reset: Bool?) {
        try await blocking {
            let client = try RawClient(port: port)
            client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
            return client.readUntilEnd()
        }
    }

    @Test("a handler that throws ConnectionAbort, before or after suspending, resets without a response",
          arguments: ["/abort", "/abort-later"])
    func handlerAbort(_ path: String) async throws {
        try await withServer(responder: Self.responder) { server in
            let outcome = try await end(port: try #require(server.port), path)
            #expect(outcome.reset == true)
            #expect(outcome.bytes.isEmpty)
        }
    }

    @Test("a body stream that throws ConnectionAbort resets after the head was sent")
    func streamAbort() async throws {
        try await withServer(responder: Self.responder) { server in
            let outcome = try await end(port: try #require(server.port), "/head-then-abort")
            #expect(outcome.reset == true)
            let head = String(decoding: outcome.bytes, as: UTF8.self)
            #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(head.contains("Content-Length: 10\r\n"))
        }
    }

    @Test("a response that closes still ends with a FIN, not a reset")
    func cleanClose() async throws {
        try await withServer(responder: Self.responder) { server in
            let port = try #require(server.port)
            let outcome = try await blocking {
                let client = try RawClient(port: port)
                client.send("GET /ok HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                return client.readUntilEnd()
            }
            #expect(outcome.reset == false)
            #expect(String(decoding: outcome.bytes, as: UTF8.self).hasSuffix("\r\n\r\nok"))
        }
    }
}
