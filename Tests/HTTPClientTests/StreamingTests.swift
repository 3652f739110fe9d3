import HTTPCore
import Testing
@testable import HTTPClient

@Suite("Streamed responses")
struct StreamingTests {
    /// A responder that streams `first`, waits for `gate` (5 s at most, noting a timeout), then streams `second`.
    private func gatedStream(
        first: [UInt8]?, second: [UInt8], gate: Gate, timedOut: Gate
    ) -> @Sendable (HTTPRequest) async throws -> HTTPResponse {
        { _ in
            let stream = HTTPBodyStream { continuation in
                let task = Task {
                    if let first { continuation.yield(first) }
                    if await !gate.wait(upTo: .seconds(5)) { timedOut.open() }
                    continuation.yield(second)
                    continuation.finish()
                }
                continuation.onTermination = { _ in task.cancel() }
            }
            return .stream(stream, contentType: "text/event-stream")
        }
    }

    @Test("Chunks reach the reader while the server is still sending")
    func chunksArriveBeforeTheEnd() async throws {
        let gate = Gate(), timedOut = Gate()
        let first = Array("data: one\n\n".utf8), second = Array("data: two\n\n".utf8)
        let responder = gatedStream(first: first, second: second, gate: gate, timedOut: timedOut)
        try await withServer(responder) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/sse")))
            #expect(response.headers["Content-Type"] == "text/event-stream")
            guard case .stream(let stream) = response.body else {
                Issue.record("the body is not a stream")
                return
            }
            var iterator = stream.makeAsyncIterator()
            #expect(try await iterator.next() == first)
            gate.open()
            #expect(try await iterator.next() == second)
            #expect(try await iterator.next() == nil)
            #expect(!timedOut.isOpen)
        }
    }

    @Test("send returns when the head arrives, before any body byte")
    func sendReturnsAtTheHead() async throws {
        let gate = Gate(), timedOut = Gate()
        let only = Array("late".utf8)
        try await withServer(gatedStream(first: nil, second: only, gate: gate, timedOut: timedOut)) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/sse")))
            #expect(!gate.isOpen)
            gate.open()
            #expect(try await response.collect() == only)
            #expect(!timedOut.isOpen)
        }
    }

    @Test("A slow reader of a large body pauses the transfer; buffered bytes stay under the limit")
    func backpressure() async throws {
        let limit = 64 * 1024, size = 4 << 20
        try await withServer(configuration: .init(responseBufferLimit: limit)) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/bytes?count=\(size)")))
            guard case .stream(let stream) = response.body else {
                Issue.record("the body is not a stream")
                return
            }
            var received: [UInt8] = []
            received.reserveCapacity(size)
            var chunks = 0
            try await Task.sleep(for: .milliseconds(50))
            for try await chunk in stream {
                received += chunk
                chunks += 1
                if chunks % 16 == 0 { try await Task.sleep(for: .milliseconds(2)) }
            }
            #expect(received == TestRoutes.pattern(size))
            #expect(client.metrics.peakBufferedBytes.load(ordering: .relaxed) <= limit)
            #expect(client.metrics.pauses.load(ordering: .relaxed) > 0)
            #expect(client.metrics.bufferedBytes.load(ordering: .relaxed) == 0)
        }
    }

    /// A responder that sends a chunk every 10 ms until the connection goes away, then opens `ended`.
    private func endless(ended: Gate) -> @Sendable (HTTPRequest) async throws -> HTTPResponse {
        { _ in
            let stream = HTTPBodyStream { continuation in
                let task = Task {
                    while !Task.isCancelled {
                        continuation.yield(Array(repeating: 0x61, count: 1000))
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                }
                continuation.onTermination = { _ in
                    task.cancel()
                    ended.open()
                }
            }
            return .stream(stream, contentType: "application/octet-stream")
        }
    }

    /// Waits until the client has no transfer running; false after 3 s.
    private func settles(_ client: HTTPClient) async -> Bool {
        for _ in 0..<300 where client.metrics.activeTransfers.load(ordering: .relaxed) != 0 {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return client.metrics.activeTransfers.load(ordering: .relaxed) == 0
    }

    @Test("Cancelling the reading task aborts the transfer and closes the connection")
    func cancellingTheReader() async throws {
        let ended = Gate(), received = Gate()
        try await withServer(endless(ended: ended)) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/endless")))
            let reader = Task {
                var total = 0
                for try await chunk in response.body.streamOrEmpty {
                    total += chunk.count
                    received.open()
                }
                return total
            }
            await received.wait()
            reader.cancel()
            await #expect(throws: HTTPClientError.cancelled) { _ = try await reader.value }
            #expect(await settles(client))
            #expect(await ended.wait(upTo: .seconds(15)))
        }
    }

    @Test("Dropping an unread body aborts the transfer")
    func droppingTheBody() async throws {
        let ended = Gate()
        try await withServer(endless(ended: ended)) { server, client in
            var response: HTTPClientResponse? = try await client.send(HTTPClientRequest(url: server.url("/endless")))
            #expect(response?.status == .ok)
            response = nil
            #expect(await settles(client))
            #expect(await ended.wait(upTo: .seconds(15)))
        }
    }

    @Test("A body received in full but never read is released when the response is dropped")
    func unreadBodyReleased() async throws {
        try await withServer { server, client in
            var response: HTTPClientResponse? = try await client.send(
                HTTPClientRequest(url: server.url("/bytes?count=20000")))
            #expect(await settles(client))
            #expect(client.metrics.bufferedBytes.load(ordering: .relaxed) == 20000)
            response = nil
            #expect(response == nil)
            #expect(client.metrics.bufferedBytes.load(ordering: .relaxed) == 0)
        }
    }

    @Test("Cancelling send while it waits for the head aborts the request")
    func cancellingSend() async throws {
        try await withServer { server, client in
            let sending = Task { try await client.send(HTTPClientRequest(url: server.url("/never"))) }
            try await Task.sleep(for: .milliseconds(50))
            sending.cancel()
            await #expect(throws: HTTPClientError.cancelled) { _ = try await sending.value }
            #expect(await settles(client))
        }
    }

    @Test("collect(upTo:) past the limit fails and aborts the rest of the transfer")
    func collectLimit() async throws {
        let ended = Gate()
        try await withServer(endless(ended: ended)) { server, client in
            let response = try await client.send(HTTPClientRequest(url: server.url("/endless")))
            await #expect(throws: BodyTooLargeError.self) { _ = try await response.collect(upTo: 5000) }
            #expect(await settles(client))
            #expect(await ended.wait(upTo: .seconds(15)))
        }
    }
}

extension HTTPBody {
    /// The body as a stream (an empty one for in-memory bodies).
    var streamOrEmpty: HTTPBodyStream {
        if case .stream(let stream) = self { return stream }
        return HTTPBodyStream { $0.finish() }
    }
}
