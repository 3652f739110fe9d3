import Foundation
import HTTPCore
import HTTPServer
import Testing

@Suite("HTTP server limits and strict parsing")
struct ServerLimitsTests {
    /// Each oversized or malformed request gets its status, `Connection: close`, and the socket closed.
    static let refusals: [(name: String, request: String, status: Int)] = [
        ("request line over 8 KiB", "GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\n\r\n", 414),
        ("101 header fields", "GET / HTTP/1.1\r\n" + (0...100).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        ("body over the cap", "POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("Content-Length with Transfer-Encoding",
         "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("duplicate Content-Length", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", 400),
        ("obs-fold", "GET / HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n", 400),
        ("whitespace before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("bare CR", "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", 400),
        ("NUL in a value", "GET / HTTP/1.1\r\nX-A: a\u{0}b\r\n\r\n", 400),
        ("bad chunk size", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("Transfer-Encoding not ending in chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("unknown major version", "GET / HTTP/2.0\r\n\r\n", 505),
        ("unrecognized method", "BREW /pot HTTP/1.1\r\n\r\n", 501),
        ("a coding before chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
    ]

    @Test("refused requests get their status and a closed connection", arguments: refusals.indices)
    func refusal(_ index: Int) async throws {
        let (name, request, status) = Self.refusals[index]
        try await withServer({ $0.limits.maxBodyBytes = 1_000_000 }) { server in
            let (responses, closed) = try await exchange(port: try #require(server.port), request)
            #expect(responses.first?.status == status, "\(name)")
            #expect(responses.first?.header("Connection") == "close", "\(name)")
            #expect(closed, "\(name)")
        }
    }

    @Test("a 64 KiB header line is refused with 431 at once, not after a quadratic scan")
    func longHeaderLine() async throws {
        try await withServer { server in
            let port = try #require(server.port)
            let line = "GET / HTTP/1.1\r\nX-Long: " + String(repeating: "v", count: 70 * 1024) + "\r\n\r\n"
            // Timed on the client's own thread: the loop answers 431 itself, so neither side waits for the
            // cooperative pool, which a loaded test process can stall for seconds.
            let (responses, closed, elapsed) = try await blocking {
                let start = ContinuousClock.now
                let client = try RawClient(port: port, timeout: 20)
                client.send(line)
                let (responses, closed) = client.readResponses(1)
                return (responses, closed, ContinuousClock.now - start)
            }
            #expect(responses.first?.status == 431)
            #expect(closed)
            // Linear work is milliseconds even in a debug build on a loaded machine; a quadratic scan of 70 KiB
            // fed in pieces would be billions of byte visits.
            #expect(elapsed < .seconds(10))
        }
    }

    @Test("every llhttp error case over a socket gets a refusal and a close")
    func llhttpErrorsOverSockets() async throws {
        struct Suite: Decodable {
            struct Case: Decodable {
                let type: String
                let outcome: String
                let name: String
                let input_base64: String
                let error: Failure?
            }
            struct Failure: Decodable { let reason: String }
            let cases: [Case]
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../HTTPCoreTests/Fixtures/llhttp-cases.json")
        let suite = try JSONDecoder().decode(Suite.self, from: Data(contentsOf: url))
        let errors = suite.cases.filter {
            $0.type == "request" && $0.outcome == "error" && $0.name != "URI / Disallow UTF-8 in URI path in strict mode"
        }
        #expect(errors.count == 54)
        try await withServer({ $0.headTimeout = .milliseconds(300) }) { server in
            let port = try #require(server.port)
            for testCase in errors {
                let bytes = Array(Data(base64Encoded: testCase.input_base64) ?? Data())
                let (statuses, closed) = try await blocking {
                    let client = try RawClient(port: port, timeout: 20)
                    client.send(bytes)
                    let (raw, closed) = client.readUntilClose()
                    var statuses: [Int] = []
                    var buffer = raw
                    while let response = RawResponse.parse(buffer) {
                        statuses.append(response.status)
                        buffer = response.rest
                    }
                    return (statuses, closed)
                }
                #expect(closed, "\(testCase.name)")
                if testCase.error?.reason == "Data after `Connection: close`" {
                    // The closing request is answered; what follows it is never parsed as a request.
                    #expect(statuses == [200], "\(testCase.name)")
                    continue
                }
                let refusal = statuses.last ?? 0
                #expect((400..<500).contains(refusal) || [501, 505].contains(refusal), "\(testCase.name): \(statuses)")
            }
        }
    }
}

@Suite("HTTP server deadlines, caps and shutdown")
struct ServerLifecycleTests {
    @Test("an idle kept-alive connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(200) }) { server in
            let port = try #require(server.port)
            let (status, closedAfter) = try await blocking { () -> (Int, Duration?) in
                let client = try RawClient(port: port, timeout: 20)
                client.send("GET / HTTP/1.1\r\n\r\n")
                let status = try client.readResponse().status
                let start = ContinuousClock.now
                let (_, closed) = client.readUntilClose()
                return (status, closed ? ContinuousClock.now - start : nil)
            }
            #expect(status == 200)
            let elapsed = try #require(closedAfter, "the server never closed the idle connection")
            #expect(elapsed >= .milliseconds(150) && elapsed < .seconds(10), "idle timeout 200 ms, far below the 60 s default")
        }
    }

    @Test("a request head that never completes is answered 408 and closed")
    func headTimeout() async throws {
        try await withServer({ $0.headTimeout = .milliseconds(200) }) { server in
            let (responses, closed) = try await exchange(port: try #require(server.port), "GET / HTTP/1.1\r\nHost: sl")
            #expect(responses.first?.status == 408)
            #expect(closed)
        }
    }

    @Test("a body that stops arriving is answered 408 and closed")
    func bodyTimeout() async throws {
        try await withServer({ $0.bodyTimeout = .milliseconds(200) }) { server in
            let (responses, closed) = try await exchange(
                port: try #require(server.port), "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
            #expect(responses.first?.status == 408)
            #expect(closed)
        }
    }

    @Test("connections over the cap get 503 and are closed; the others are served")
    func connectionCap() async throws {
        try await withServer({ $0.maxConnections = 2; $0.loopCount = 1 }) { server in
            let port = try #require(server.port)
            let (held, third) = try await blocking { () -> (Int, (responses: [RawResponse], closed: Bool)) in
                let first = try RawClient(port: port)
                let second = try RawClient(port: port)
                first.send("GET / HTTP/1.1\r\n\r\n")
                second.send("GET / HTTP/1.1\r\n\r\n")
                let held = try first.readResponse().status + second.readResponse().status
                let extra = try RawClient(port: port)
                extra.send("GET / HTTP/1.1\r\n\r\n")
                return (held, extra.readResponses(1))
            }
            #expect(held == 400)
            #expect(third.responses.first?.status == 503)
            #expect(third.closed)
        }
    }

    @Test("shutdown lets an in-flight request finish, with Connection: close, and refuses new connections")
    func gracefulShutdown() async throws {
        let gate = Gate()
        let slow = ClosureResponder { _ in
            await gate.wait()
            return .text("finished")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, log: { _ in }),
                                responder: slow)
        try server.start()
        let port = try #require(server.port)
        async let inFlight = exchange(port: port, "GET /slow HTTP/1.1\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        async let stopped: Void = server.shutdownGracefully(gracePeriod: .seconds(5))
        try await Task.sleep(for: .milliseconds(100))
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
        await gate.open()
        let (responses, closed) = try await inFlight
        await stopped
        #expect(responses.first?.bodyText == "finished")
        #expect(responses.first?.header("Connection") == "close")
        #expect(closed)
    }

    @Test("shutdown closes connections still busy when the grace period ends")
    func shutdownDeadline() async throws {
        let stuck = ClosureResponder { _ in
            try await Task.sleep(for: .seconds(30))
            return .text("late")
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, log: { _ in }),
                                responder: stuck)
        try server.start()
        let port = try #require(server.port)
        async let attempt = exchange(port: port, "GET / HTTP/1.1\r\n\r\n", timeout: 10)
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await server.shutdownGracefully(gracePeriod: .milliseconds(300))
        #expect(ContinuousClock.now - start < .seconds(15), "the 300 ms grace period, not the handler's 30 s")
        let (responses, closed) = try await attempt
        #expect(responses.isEmpty)
        #expect(closed)
    }
}

/// A one-shot signal for tests.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters.removeAll()
    }
}
