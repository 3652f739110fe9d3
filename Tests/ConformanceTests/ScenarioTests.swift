import JSONSchema
import Testing

@testable import Conformance

@Suite("Scenarios: captures, waits, the mock journal and the webhook receiver")
struct ScenarioTests {
    static let manifest = makeManifest(manifestEntry("f.items", "POST", "/items", statuses: [201]))

    /// A flow over the double: create, poll until completed, ask for a signed webhook, check the journal.
    static func flow(until: String = "completed", count: Int = 1, channel: String = "C1", timeout: Double = 5) -> String
    {
        #"""
        {"name": "item-flow", "surface": "flows", "steps": [
          {"id": "create", "request": {"method": "POST", "path": "/items", "json": {"name": "{{$uuid}}"}},
           "expect": {"status": 201, "bodySubset": {"status": "pending"}}},
          {"id": "poll", "wait": {"request": {"method": "GET", "path": "/items/{{steps.create.body.id}}"},
             "until": {"pointer": "/status", "equals": "\#(until)", "status": 200}, "timeoutSeconds": \#(timeout),
             "intervalMilliseconds": 20},
           "expect": {"bodySubset": {"id": "{{steps.create.body.id}}"}}},
          {"id": "notify", "request": {"method": "POST", "path": "/items/{{steps.create.body.id}}/notify",
             "json": {"url": "{{webhookURL}}", "secret": "{{steps.create.body.secret}}"}}, "expect": {"status": 202}},
          {"id": "hook", "webhook": {"count": 1, "secret": "{{steps.create.body.secret}}", "timeoutSeconds": 5,
             "headers": {"X-Webhook-Event": "item.completed", "X-Webhook-Delivery": {"present": true}},
             "bodySubset": {"data": {"id": "{{steps.create.body.id}}"}},
             "schema": {"type": "object", "required": ["event", "timestamp", "data"]}}},
          {"id": "reset", "resetMock": true},
          {"id": "slack", "journal": {"provider": "slack", "method": "POST", "path": "/api/chat.postMessage",
             "count": \#(count), "bodySubset": {"channel": "\#(channel)"}, "querySubset": {"x": "1"},
             "timeoutSeconds": 0.3}},
          {"id": "stripe", "journal": {"provider": "stripe", "formSubset": {"email": "a@example.com"}}},
          {"id": "echo", "request": {"method": "GET", "path": "/items/{{steps.hook.body.deliveries.0.body.data.id}}"},
           "expect": {"status": 200,
             "bodySubset": {"id": "{{steps.create.body.id}}", "status": "{{steps.poll.body.status}}"}}}
        ]}
        """#
    }

    static func run(_ scenario: String, fault: FlowDouble.Fault = .none, mock: Bool = true,
                    callback: CallbackAddress = CallbackAddress()) async throws -> CaseResult {
        let suite = try loadSuite(files: [:], manifest: manifest, scenarios: ["flow.json": scenario])
        let double = FlowDouble(fault: fault)
        let server = try TestServer { request in try await double.respond(request) }
        let profile = Profile(baseURL: server.baseURL, mockBaseURL: mock ? server.baseURL : nil)
        let report = try await ConformanceRunner(suite: suite, profile: profile, options: RunnerOptions(callback: callback)).run()
        await server.stop()
        return try #require(report.results.first)
    }

    @Test("captures, a wait, a signed webhook and journal assertions pass against a right implementation")
    func passes() async throws {
        let result = try await Self.run(Self.flow())
        #expect(result.outcome == .passed, "\(result.mismatches)")
        #expect(result.exchanges.map(\.step) == ["create", "poll", "notify", "reset", "slack", "stripe", "echo"])
    }

    @Test("with a callback host, the receiver listens on every interface and webhookURL names that host")
    func callbackHost() async throws {
        let result = try await Self.run(Self.flow(), callback: CallbackAddress(advertisedHost: "localhost"))
        #expect(result.outcome == .passed, "\(result.mismatches)")
        let notify = try #require(result.exchanges.first { $0.step == "notify" })
        #expect(notify.request.body?.contains("http://localhost:") == true, "\(notify.request.body ?? "")")
    }

    @Test("a wait that never sees its value fails with what it saw")
    func waitTimesOut() async throws {
        let result = try await Self.run(Self.flow(timeout: 0.2), fault: .neverCompletes)
        #expect(result.outcome == .failed)
        let mismatch = try #require(result.mismatches.first)
        #expect(mismatch.kind == .wait && mismatch.step == "poll" && mismatch.path == "/status")
        #expect(mismatch.message.contains(#"found "processing""#))
        #expect(result.exchanges.last?.step == "poll", "the scenario stops at the failing step")
    }

    @Test("a webhook signed with the wrong key fails the signature check")
    func badSignature() async throws {
        let result = try await Self.run(Self.flow(), fault: .badSignature)
        #expect(result.outcome == .failed)
        #expect(result.mismatches.map(\.kind) == [.webhook])
        #expect(result.mismatches.first?.path == "X-Webhook-Signature")
        #expect(result.mismatches.first?.message.contains("not the hex HMAC-SHA256") == true)
    }

    @Test(
        "journal assertions check the count and the body subset, naming the nearest miss",
        arguments: [
            (
                2, "C1",
                "expected exactly 2 matching calls to slack POST /api/chat.postMessage, found 1 (of 2 for the route)"
            ),
            (
                1, "C9",
                "expected exactly 1 matching call to slack POST /api/chat.postMessage, found 0 (of 2 for the route)"
            ),
        ])
    func journalMismatch(_ count: Int, _ channel: String, _ message: String) async throws {
        let result = try await Self.run(Self.flow(count: count, channel: channel))
        #expect(result.outcome == .failed)
        #expect(result.mismatches == [Mismatch(.journal, message, step: "slack")])
    }

    @Test("the nearest journal entry is shown when none matches")
    func nearestMiss() {
        let spec = JournalSpec(
            provider: "slack", method: "POST", path: "/api/chat.postMessage", count: nil,
            bodySubset: ["channel": "C3"], formSubset: [], querySubset: [], timeout: .zero)
        let entries = FlowDouble.journal(provider: "slack", path: nil).arrayValue ?? []
        let verdict = JournalFilter(spec: spec).verdict(matching: [], all: entries)
        let expected =
            "expected a matching call to slack POST /api/chat.postMessage; 2 call(s) did not match, "
            + #"nearest (entry 1): body at /channel: expected "C3", got "C1""#
        #expect(verdict == expected)
    }

    @Test("a journal step fills placeholders into its method, path, form and query values before it filters")
    func journalPlaceholders() throws {
        var context = TemplateContext(variables: ["org": "demo"])
        context.steps["create"] = StepRecord(status: 200, headers: [:], body: ["id": "cus_9"], text: "")
        let spec = try JournalSpec(
            provider: "stripe", method: "POST", path: "/v1/customers/{{steps.create.body.id}}", count: 1,
            bodySubset: nil, formSubset: [FormField("metadata[org]", "{{org}}")],
            querySubset: [FormField("expand", "{{steps.create.body.id}}")], timeout: .zero
        ).rendered(in: context)
        #expect(spec.path == "/v1/customers/cus_9")
        let entry: JSONValue = ["id": 1, "form": ["metadata[org]": "demo"], "query": "expand=cus_9"]
        #expect(JournalFilter(spec: spec).problems(entry) == [])
        let other: JSONValue = ["id": 2, "form": ["metadata[org]": "{{org}}"], "query": "expand=x"]
        #expect(JournalFilter(spec: spec).problems(other).count == 2)
    }

    @Test("a scenario that needs the mock upstream is skipped when the profile names none")
    func skippedWithoutMock() async throws {
        let result = try await Self.run(Self.flow(), mock: false)
        #expect(result.outcome == .skipped)
        #expect(result.skipReason == "the profile has no mockBaseURL")
    }
}
