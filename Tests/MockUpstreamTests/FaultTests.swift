import Foundation
import HTTPClient
import HTTPCore
import Testing
@testable import MockUpstream

/// Faults, per request by header or armed through the admin API, are deterministic.
@Suite("Faults")
struct FaultTests {
    static let chat = #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#
    static let stream = #"{"model":"gpt-4o-mini","stream":true,"messages":[]}"#

    func send(_ mock: MockUpstream, fault: String, body: String = FaultTests.chat) async throws -> TestHTTP.Reply {
        try await TestHTTP.post(mock.baseURL(for: .openai) + "/v1/chat/completions", json: body,
                                headers: ["Authorization": "Bearer sk-1", "X-Mock-Fault": fault])
    }

    @Test("the fault text parses, and bad items are named",
          arguments: ["latency=200ms", "status=503, reset", "drip=10ms/16;truncate=100", "cut-after-events=2", "empty"])
    func parses(_ text: String) throws {
        #expect(try Fault(parsing: text).description == text)
    }

    @Test("bad fault text", arguments: ["latency=soon", "status=42", "explode", ""])
    func badFault(_ text: String) {
        #expect(throws: FaultParseError.self) { try Fault(parsing: text) }
    }

    @Test("latency delays the response by at least the given time")
    func latency() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let start = ContinuousClock.now
        let reply = try await send(mock, fault: "latency=200ms")
        #expect(ContinuousClock.now - start >= .milliseconds(200))
        #expect(reply.status == 200)
    }

    @Test("status=429 serves the provider's own 429 body and Retry-After; other statuses keep the body")
    func statusOverride() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let limited = try await send(mock, fault: "status=429")
        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"] == "20")
        #expect(limited.json?.at(pointer: "/error/code") == "rate_limit_exceeded")
        let slack = try await TestHTTP.post(mock.baseURL(for: .slack) + "/api/chat.postMessage", json: #"{"channel":"C1"}"#,
                                            headers: ["Authorization": "Bearer xoxb-1", "X-Mock-Fault": "status=429"])
        #expect(slack.status == 429)
        #expect(slack.json?["error"] == "ratelimited")
        #expect(slack.headers["Retry-After"] == "3")
        let unavailable = try await send(mock, fault: "status=503")
        #expect(unavailable.status == 503)
        #expect(unavailable.json?["object"] == "chat.completion")
        #expect(mock.journal.last?.status == 503)
    }

    @Test("empty sends the head with no body")
    func empty() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let reply = try await send(mock, fault: "empty")
        #expect(reply.status == 200)
        #expect(reply.body.isEmpty)
        #expect(reply.headers["Content-Length"] == "0")
    }

    @Test("reset, truncate and cut-after-events end the body early; the client sees a transfer error",
          arguments: [("reset", FaultTests.chat, 0), ("truncate=100", FaultTests.chat, 100),
                      ("cut-after-events=2", FaultTests.stream, 2)])
    func cutShort(_ fault: String, _ body: String, _ expected: Int) async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let response = try await TestHTTP.client.send(HTTPClientRequest(
            method: .post, url: mock.baseURL(for: .openai) + "/v1/chat/completions",
            headers: ["Authorization": "Bearer sk-1", "X-Mock-Fault": fault], body: .json(body)))
        var received: [UInt8] = []
        var failed = false
        do {
            guard case .stream(let stream) = response.body else { return }
            for try await chunk in stream { received += chunk }
        } catch {
            failed = true
        }
        #expect(failed, "the body must not end cleanly")
        if fault.hasPrefix("cut") {
            let events = String(decoding: received, as: UTF8.self).components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.count == expected)
        } else {
            #expect(received.count == expected)
        }
    }

    @Test("drip sends small pieces with a pause before each")
    func drip() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let start = ContinuousClock.now
        let reply = try await send(mock, fault: "drip=20ms/256")
        let pieces = (reply.body.count + 255) / 256
        #expect(reply.status == 200)
        #expect(reply.json?["object"] == "chat.completion")
        #expect(ContinuousClock.now - start >= .milliseconds(20) * pieces)
    }

    @Test("a bad X-Mock-Fault header gets a 400 in the mock's shape")
    func badHeader() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let reply = try await send(mock, fault: "explode")
        #expect(reply.status == 400)
        #expect(reply.json?.at(pointer: "/error/type") == "mock_bad_fault")
    }

    @Test("faults armed through the admin API hit the next N matching requests only")
    func armedByAdmin() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let armed = try await TestHTTP.post(mock.baseURL + "/_mock/faults", json: #"""
            {"provider":"openai","method":"POST","path":"/v1/chat/completions","fault":"status=503","count":2}
            """#)
        #expect(armed.status == 201)
        let other = try await TestHTTP.send(.get, mock.baseURL(for: .openai) + "/v1/models", headers: ["Authorization": "Bearer sk-1"])
        #expect(other.status == 200)
        var statuses: [Int] = []
        for _ in 0..<3 { statuses.append(try await send(mock, fault: "latency=0ms").status) }
        #expect(statuses == [503, 503, 200])
        try mock.armFault("status=429", provider: .openai, count: 5)
        #expect(try await send(mock, fault: "latency=0ms").status == 429)
        let cleared = try await TestHTTP.send(.delete, mock.baseURL + "/_mock/faults")
        #expect(cleared.status == 204)
        #expect(try await send(mock, fault: "latency=0ms").status == 200)
        let bad = try await TestHTTP.post(mock.baseURL + "/_mock/faults", json: #"{"fault":"status=9"}"#)
        #expect(bad.status == 400)
    }
}
