import Foundation
import HTTPCore
import HTTPServer
import Testing

@Suite("HTTP server streaming responses")
struct ServerStreamingTests {
    @Test("a streamed response arrives chunk by chunk, before the handler has produced the rest")
    func chunkByChunk() async throws {
        let gate = Gate()
        let streaming = ClosureResponder { _ in
            let (stream, continuation) = HTTPBodyStream.makeStream()
            Task {
                continuation.yield(Array("data: one\n\n".utf8))
                await gate.wait()
                continuation.yield(Array("data: two\n\n".utf8))
                continuation.finish()
            }
            return .stream(stream, contentType: "text/event-stream")
        }
        try await withServer(responder: streaming) { server in
            let port = try #require(server.port)
            let client = try await blocking { try RawClient(port: port, timeout: 20) }
            let first = try await blocking { () -> String in
                client.send("GET /events HTTP/1.1\r\n\r\n")
                var text = ""
                while !text.contains("data: one"), let chunk = client.readSome(), !chunk.isEmpty {
                    text += String(decoding: chunk, as: UTF8.self)
                }
                return text
            }
            #expect(first.contains("Transfer-Encoding: chunked"))
            #expect(first.contains("Content-Type: text/event-stream"))
            #expect(first.hasSuffix("b\r\ndata: one\n\n\r\n"), "the first event came alone")
            await gate.open()
            let rest = try await blocking { () -> String in
                var text = ""
                while !text.hasSuffix("0\r\n\r\n"), let chunk = client.readSome(), !chunk.isEmpty {
                    text += String(decoding: chunk, as: UTF8.self)
                }
                return text
            }
            #expect(rest == "b\r\ndata: two\n\n\r\n0\r\n\r\n")
        }
    }

    @Test("a stream with a declared length is sent unframed, and the connection is reused")
    func declaredLength() async throws {
        let sized = ClosureResponder { _ in
            var response = HTTPResponse.stream(HTTPBody.chunksStream([Array("abc".utf8), Array("def".utf8)]),
                                               contentType: "application/octet-stream")
            response.headers.add(name: "Content-Length", value: "6")
            return response
        }
        try await withServer(responder: sized) { server in
            let (responses, closed) = try await exchange(
                port: try #require(server.port), "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", responses: 2,
                timeout: 20)
            #expect(responses.map(\.bodyText) == ["abcdef", "abcdef"])
            #expect(!closed)
        }
    }

    @Test("a large stream to a slow reader is paced, not buffered whole")
    func backpressure() async throws {
        let produced = Counter()
        let chunk = 64 * 1024
        let total = 1024 * chunk
        let big = ClosureResponder { _ in
            // Pull-based, as an upstream body is: a chunk is made only when the server asks for one.
            let stream = HTTPBodyStream(unfolding: {
                guard produced.value < total else { return nil }
                produced.add(chunk)
                return [UInt8](repeating: 0x61, count: chunk)
            })
            return .stream(stream, contentType: "application/octet-stream")
        }
        try await withServer(responder: big) { server in
            let port = try #require(server.port)
            let (producedEarly, total) = try await blocking { () -> (Int, Int) in
                // A generous read timeout: a loaded machine can stall the producer's tasks for seconds.
                let client = try RawClient(port: port, timeout: 20)
                client.send("GET /big HTTP/1.1\r\nConnection: close\r\n\r\n")
                _ = client.readSome()
                Thread.sleep(forTimeInterval: 0.5)
                let early = produced.value
                let rest = client.readUntilClose()
                return (early, rest.bytes.count)
            }
            // Kernel buffers on loopback hold up to tcp_wmem + tcp_rmem (4 + 32 MiB here) plus our 256 KiB.
            #expect(producedEarly < 40 * 1024 * 1024, "the producer ran \(producedEarly) bytes ahead of a stalled reader")
            #expect(total > 60 * 1024 * 1024)
        }
    }
}

/// A thread-safe counter for tests.
final class Counter: Sendable {
    private let storage = Mutex(0)
    func add(_ amount: Int) { storage.withLock { $0 += amount } }
    var value: Int { storage.withLock { $0 } }
}

import Synchronization

extension HTTPBody {
    /// A stream of the given chunks (test helper).
    static func chunksStream(_ chunks: [[UInt8]]) -> HTTPBodyStream {
        HTTPBodyStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
    }
}
