import Crypto
import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Synchronization
import Testing

@Suite("Outbox: persisted deliveries with retries")
struct OutboxTests {
    /// A receiver that answers from a script of statuses, then 200.
    static func receiver(_ script: [HTTPResponse]) throws -> StandInProvider {
        let remaining = Mutex(script)
        return try StandInProvider { _ in
            remaining.withLock { $0.isEmpty ? HTTPResponse(status: .ok) : $0.removeFirst() }
        }
    }

    func message(_ url: String, maxAttempts: Int = 5) -> OutboxMessage {
        OutboxMessage(organizationID: nil, kind: "test.event", subject: "s1", url: url,
                      headers: [("X-Webhook-Delivery", "fixed-id")], body: Array(#"{"n":1}"#.utf8),
                      maxAttempts: maxAttempts, backoffMilliseconds: 30)
    }

    @Test("failures are retried with the same delivery id until one succeeds; Retry-After is honoured")
    func retries() async throws {
        var retryLater = HTTPResponse(status: .serviceUnavailable)
        retryLater.headers.add(name: "Retry-After", value: "1")
        let receiver = try Self.receiver([HTTPResponse(status: .internalServerError), retryLater])
        let gateway = try await TestGateway.start()
        let start = ContinuousClock.now
        let id = try await gateway.platform.outbox.enqueue(message("\(receiver.baseURL)/hook"))
        let done = try await TestGateway.eventually { try await gateway.platform.outbox.record(id: id)?.status == "delivered" }
        #expect(done)
        #expect(ContinuousClock.now - start >= .seconds(1), "waited for Retry-After")
        #expect(receiver.requests.count == 3)
        #expect(Set(receiver.requests.map { $0.headers["X-Webhook-Delivery"] ?? "" }) == ["fixed-id"])
        #expect(receiver.requests.allSatisfy { $0.body == Array(#"{"n":1}"#.utf8) })
        #expect(try await gateway.platform.outbox.record(id: id)?.attempts == 3)
        await gateway.stop()
        await receiver.stop()
    }

    @Test("410 Gone gives up at once; other failures give up after the last attempt")
    func givingUp() async throws {
        let gone = try Self.receiver([HTTPResponse(status: .gone)])
        let failing = try Self.receiver(Array(repeating: HTTPResponse(status: .internalServerError), count: 10))
        let gateway = try await TestGateway.start()
        let first = try await gateway.platform.outbox.enqueue(message("\(gone.baseURL)/hook"))
        let second = try await gateway.platform.outbox.enqueue(message("\(failing.baseURL)/hook", maxAttempts: 3))
        #expect(try await TestGateway.eventually {
            let a = try await gateway.platform.outbox.record(id: first)?.status
            let b = try await gateway.platform.outbox.record(id: second)?.status
            return a == "failed" && b == "failed"
        })
        #expect(try await gateway.platform.outbox.record(id: first)?.attempts == 1)
        #expect(try await gateway.platform.outbox.record(id: second)?.attempts == 3)
        #expect(failing.requests.count == 3)
        await gateway.stop()
        await gone.stop()
        await failing.stop()
    }

    @Test("deliveries survive a restart: what was pending or mid-send is delivered by the next process")
    func survivesRestart() async throws {
        let gateway = try await TestGateway.start()
        gateway.platform.outbox.stop()
        let receiver = try Self.receiver([])
        let pending = try await gateway.platform.outbox.enqueue(message("\(receiver.baseURL)/a"))
        let midSend = try await gateway.platform.outbox.enqueue(message("\(receiver.baseURL)/b"))
        try await gateway.sqlite().write { connection in
            try connection.execute("UPDATE outbox SET status = 'sending' WHERE id = ?", [.text(midSend)])
        }
        var options = Platform.Options(databasePath: gateway.databasePath)
        options.outboxPollInterval = .milliseconds(20)
        let restarted = try await Platform.open(options)
        try await restarted.outbox.start()
        #expect(try await TestGateway.eventually {
            let a = try await restarted.outbox.record(id: pending)?.status
            let b = try await restarted.outbox.record(id: midSend)?.status
            return a == "delivered" && b == "delivered"
        })
        #expect(Set(receiver.requests.map(\.target)) == ["/a", "/b"])
        restarted.outbox.stop()
        await gateway.stop()
        await receiver.stop()
    }

    @Test("a HeyGen render with callback_url is followed to completion and a signed callback is delivered")
    func jobCallback() async throws {
        let provider = try AIProxyInvokeTests.provider()
        let receiver = try Self.receiver([])
        let gateway = try await AIProxyInvokeTests.start(provider)
        let secret = try await gateway.request("POST", "/admin/organizations/demo/callback-secret", headers: gateway.admin)
        let key = try #require(secret.json["secret"]?.stringValue)
        let submitted = try await gateway.request(
            "POST", "/api/ai-proxy/orgs/demo/services/heygen/generate-video/",
            headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"],
            body: #"{"body":{"video_inputs":[]},"callback_url":"\#(receiver.baseURL)/done"}"#)
        let jobID = try #require(submitted.headers["x-switchboard-job-id"])
        #expect(await TestGateway.eventually { !receiver.requests.isEmpty })
        let delivery = try #require(receiver.requests.first)
        let body = try JSONValue(parsing: delivery.body)
        #expect(body["event"] == "job.completed")
        #expect(body["job_id"] == .string(jobID))
        #expect(body["result"]?["data"]?["video_url"] == "https://x/v.mp4")
        let expected = Hex.encode(HMACSHA256.authenticationCode(for: delivery.body, key: Array(key.utf8)))
        #expect(delivery.headers["X-Webhook-Signature"] == expected)
        #expect(delivery.headers["X-Webhook-Event"] == "job.completed")
        await gateway.stop()
        await provider.stop()
        await receiver.stop()
    }
}
