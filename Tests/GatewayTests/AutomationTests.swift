import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 002: credentials, connectors, workflows, executions, webhooks")
struct AutomationTests {
    static func provider() throws -> StandInProvider {
        try StandInProvider { request in
            switch request.path {
            case "/api/chat.postMessage": return .json(#"{"ok":true,"channel":"C1","ts":"1700000000.000200"}"#)
            case "/v1/customers": return .json(#"{"id":"cus_42","object":"customer"}"#)
            case "/slow":
                try await Task.sleep(for: .milliseconds(600))
                return .json(#"{"slow":true}"#)
            case "/broken": return .json(#"{"error":"boom"}"#, status: HTTPStatus(code: 500))
            default: return HTTPResponse(status: .ok)
            }
        }
    }

    static func start(_ provider: StandInProvider, rateLimit: Int = 100) async throws -> TestGateway {
        try await TestGateway.start(rateLimit: rateLimit, upstreams: UpstreamDirectory(overrides: ["slack": provider.baseURL, "stripe": provider.baseURL]))
    }

    func call(_ gateway: TestGateway, _ method: String, _ path: String, _ body: String? = nil, key: String? = nil) async throws -> TestResponse {
        try await gateway.request(method, "/api/v1\(path)", headers: ["Authorization": "Bearer \(key ?? gateway.credentials.apiKey.token)",
                                                                       "Content-Type": "application/json"], body: body)
    }

    /// Credentials and connectors for Slack and Stripe; returns the two connector ids.
    func connectors(_ gateway: TestGateway) async throws -> (slack: String, stripe: String) {
        let slackCredential = try await call(gateway, "POST", "/credentials", #"{"name":"Slack Bot Token","type":"oauth","provider":"slack","data":{"bot_token":"xoxb-1","app_id":"A1"},"metadata":{"scopes":["chat:write"]}}"#)
        let stripeCredential = try await call(gateway, "POST", "/credentials", #"{"name":"Stripe","type":"api_key","provider":"stripe","data":{"secret_key":"sk_test_9"}}"#)
        let slack = try await call(gateway, "POST", "/connectors", ##"{"name":"Production Slack","type":"slack","credentialId":"\##(slackCredential.json["id"]?.stringValue ?? "")","config":{"defaultChannel":"#general"}}"##)
        let stripe = try await call(gateway, "POST", "/connectors", #"{"name":"Stripe","type":"stripe","credentialId":"\#(stripeCredential.json["id"]?.stringValue ?? "")"}"#)
        return (try #require(slack.json["id"]?.stringValue), try #require(stripe.json["id"]?.stringValue))
    }

    func waitFor(_ gateway: TestGateway, execution id: String, _ statuses: Set<String>) async throws -> TestResponse {
        var last = try await call(gateway, "GET", "/executions/\(id)")
        _ = try await TestGateway.eventually {
            last = try await call(gateway, "GET", "/executions/\(id)")
            return statuses.contains(last.json["status"]?.stringValue ?? "")
        }
        return last
    }

    @Test("credentials are checked per provider and returned sanitized; other tenants get 404")
    func credentials() async throws {
        let gateway = try await TestGateway.start()
        let missing = try await call(gateway, "POST", "/credentials", #"{"name":"x","type":"oauth","provider":"slack","data":{"app_id":"A"}}"#)
        #expect(missing.status == 400)
        #expect(missing.json["error"]?.stringValue?.contains("bot_token") == true)
        #expect(try await call(gateway, "POST", "/credentials", #"{"name":"x","type":"magic","provider":"x","data":{"a":"b"}}"#).status == 400)
        let smtp = try await call(gateway, "POST", "/credentials", #"{"name":"mail","type":"custom","provider":"smtp","data":{"host":"h","port":25,"user":"u"}}"#)
        #expect(smtp.json["error"]?.stringValue?.contains("password") == true)
        let created = try await call(gateway, "POST", "/credentials", #"{"name":"Slack","type":"oauth","provider":"slack","data":{"bot_token":"xoxb-secret-value"}}"#)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.stringValue)
        let list = try await call(gateway, "GET", "/credentials")
        let one = try await call(gateway, "GET", "/credentials/\(id)")
        for response in [created, list, one] { #expect(!response.text.contains("xoxb-secret-value")) }
        #expect(one.json["fields"] == ["bot_token"])
        #expect(try await call(gateway, "GET", "/credentials/\(id)", key: gateway.credentials.other.apiKey.token).status == 404)
        #expect(try await call(gateway, "DELETE", "/credentials/\(id)").status == 204)
        #expect(try await call(gateway, "GET", "/credentials/\(id)").status == 404)
        await gateway.stop()
    }

    @Test("available connectors list each action with schemas; instances need a fitting credential")
    func connectorTypes() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let available = try await call(gateway, "GET", "/connectors?available=true")
        let slack = try #require(available.json.arrayValue?.first { $0["type"] == "slack" })
        #expect(slack["actions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["send_message", "update_message", "add_reaction"])
        #expect(slack["actions"]?[0]?["inputSchema"]?["type"] == "object")
        let stripe = try await call(gateway, "POST", "/credentials", #"{"name":"S","type":"api_key","provider":"stripe","data":{"secret_key":"sk"}}"#)
        let wrong = try await call(gateway, "POST", "/connectors", #"{"name":"x","type":"slack","credentialId":"\#(stripe.json["id"]?.stringValue ?? "")"}"#)
        #expect(wrong.status == 400)
        #expect(wrong.json["error"]?.stringValue?.contains("bot_token") == true)
        let ids = try await connectors(gateway)
        let list = try await call(gateway, "GET", "/connectors")
        #expect(list.json.arrayValue?.count == 2)
        #expect(try await call(gateway, "GET", "/connectors/\(ids.slack)").json["config"]?["defaultChannel"] == "#general")
        await gateway.stop()
        await provider.stop()
    }

    @Test("definitions are validated with field-level errors; lists paginate; PUT, PATCH, DELETE work")
    func workflowCRUD() async throws {
        let gateway = try await TestGateway.start()
        let invalid = try await call(gateway, "POST", "/workflows", #"{"name":"bad","definition":{"steps":[{"name":"a","type":"http_request","config":{}},{"name":"a","type":"teleport"},{"name":"c","type":"connector","config":{"connectorId":"conn_nope","action":"x"}}]}}"#)
        #expect(invalid.status == 400)
        let fields = Set(invalid.json["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
        #expect(fields == ["definition.steps[0].config.url", "definition.steps[1].name", "definition.steps[1].type", "definition.steps[2].config.connectorId"])
        var ids: [String] = []
        for index in 0..<3 {
            let created = try await call(gateway, "POST", "/workflows", #"{"name":"W\#(index)","definition":{"steps":[{"name":"s","type":"http_request","config":{"url":"http://127.0.0.1:9/x"}}]}}"#)
            #expect(created.status == 201)
            ids.append(try #require(created.json["id"]?.stringValue))
        }
        let page = try await call(gateway, "GET", "/workflows?limit=2&offset=1")
        #expect(page.json.arrayValue?.compactMap { $0["name"]?.stringValue } == ["W1", "W2"])
        #expect(page.headers["x-total-count"] == "3")
        #expect(page.json[0]?.objectValue?.keys.sorted() == ["createdAt", "description", "id", "isPublic", "name", "updatedAt"])
        #expect(try await call(gateway, "GET", "/workflows?limit=0").status == 400)
        let patched = try await call(gateway, "PATCH", "/workflows/\(ids[0])", #"{"description":"d","isPublic":true}"#)
        #expect(patched.json["description"] == "d")
        #expect(patched.json["name"] == "W0")
        #expect(try await call(gateway, "PUT", "/workflows/\(ids[0])", #"{"description":"only"}"#).status == 400)
        #expect(try await call(gateway, "DELETE", "/workflows/\(ids[2])").status == 204)
        #expect(try await call(gateway, "GET", "/workflows/\(ids[2])").status == 404)
        #expect(try await call(gateway, "GET", "/workflows/\(ids[0])", key: gateway.credentials.other.apiKey.token).status == 404)
        await gateway.stop()
    }

    @Test("Slack then Stripe: executes in the background, completes, and a signed webhook arrives that the seed's Node check accepts")
    func executeToWebhook() async throws {
        let provider = try Self.provider()
        let receiver = try OutboxTests.receiver([])
        let gateway = try await Self.start(provider)
        let ids = try await connectors(gateway)
        let hook = try await call(gateway, "POST", "/webhooks", #"{"name":"done","url":"\#(receiver.baseURL)/hook","events":["workflow.completed","workflow.failed"],"headers":{"X-Custom-Header":"value"},"retryPolicy":{"maxAttempts":3,"backoffMs":50}}"#)
        #expect(hook.status == 201)
        let secret = try #require(hook.json["secret"]?.stringValue)
        #expect(try await call(gateway, "GET", "/webhooks/\(hook.json["id"]?.stringValue ?? "")").json["secret"] == nil)
        let definition = #"{"steps":[{"name":"notify","type":"connector","config":{"connectorId":"\#(ids.slack)","action":"send_message","input":{"text":"Order {{input.order}} placed"}}},{"name":"bill","type":"connector","config":{"connectorId":"\#(ids.stripe)","action":"create_customer","input":{"description":"{{steps.notify.output.body.ts}}","email":"{{input.email}}"}}}]}"#
        let workflow = try await call(gateway, "POST", "/workflows", #"{"name":"Order flow","definition":\#(definition)}"#)
        let started = try await call(gateway, "POST", "/workflows/\(workflow.json["id"]?.stringValue ?? "")/execute", #"{"input":{"order":"A-7","email":"a@b.example"}}"#)
        #expect(started.status == 202)
        #expect(started.json["status"] == "pending")
        let execution = try #require(started.json["executionId"]?.stringValue)
        let finished = try await waitFor(gateway, execution: execution, ["completed", "failed"])
        #expect(finished.json["status"] == "completed", "\(finished.text)")
        #expect(finished.json["steps"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["completed", "completed"])
        let slackCall = try #require(provider.requests.first { $0.target == "/api/chat.postMessage" })
        #expect(try JSONValue(parsing: slackCall.body) == ["text": "Order A-7 placed", "channel": "#general"])
        let stripeCall = try #require(provider.requests.first { $0.target == "/v1/customers" })
        #expect(String(decoding: stripeCall.body, as: UTF8.self) == "description=1700000000.000200&email=a%40b.example")
        #expect(await TestGateway.eventually { !receiver.requests.isEmpty })
        let delivery = try #require(receiver.requests.first)
        #expect(delivery.headers["X-Webhook-Event"] == "workflow.completed")
        #expect(delivery.headers["X-Custom-Header"] == "value")
        #expect(delivery.headers["webhook-signature"]?.hasPrefix("v1,") == true)
        let body = try JSONValue(parsing: delivery.body)
        #expect(body["data"]?["executionId"] == .string(execution))
        let bodyFile = gateway.directory.appendingPathComponent("delivery.json")
        try Data(delivery.body).write(to: bodyFile)
        let node = try await runProcess("/usr/bin/env", ["node", fixtureURL("seed002-verify-signature.js").path, bodyFile.path,
                                                         delivery.headers["X-Webhook-Signature"] ?? "", secret], environment: [:])
        #expect(node.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "valid", "\(node.stderr)")
        let log = try await call(gateway, "GET", "/webhooks/\(hook.json["id"]?.stringValue ?? "")/deliveries")
        #expect(log.json[0]?["status"] == "delivered")
        await gateway.stop()
        await provider.stop()
        await receiver.stop()
    }

    @Test("a failing step fails the execution and sends workflow.failed; cancel stops between steps")
    func failureAndCancel() async throws {
        let provider = try Self.provider()
        let receiver = try OutboxTests.receiver([])
        let gateway = try await Self.start(provider)
        _ = try await call(gateway, "POST", "/webhooks", #"{"url":"\#(receiver.baseURL)/hook","events":["workflow.failed"]}"#)
        let failing = try await call(gateway, "POST", "/workflows", #"{"name":"f","definition":{"steps":[{"name":"call","type":"http_request","config":{"url":"\#(provider.baseURL)/broken","method":"POST"},"retry":{"maxAttempts":2,"backoffMs":10}}]}}"#)
        let run = try await call(gateway, "POST", "/workflows/\(failing.json["id"]?.stringValue ?? "")/execute", "{}")
        let failed = try await waitFor(gateway, execution: run.json["executionId"]?.stringValue ?? "", ["failed", "completed"])
        #expect(failed.json["status"] == "failed")
        #expect(failed.json["steps"]?[0]?["attempts"] == 2)
        #expect(await TestGateway.eventually { receiver.requests.contains { $0.headers["X-Webhook-Event"] == "workflow.failed" } })
        let slow = try await call(gateway, "POST", "/workflows", #"{"name":"s","definition":{"steps":[{"name":"first","type":"http_request","config":{"url":"\#(provider.baseURL)/slow"}},{"name":"second","type":"http_request","config":{"url":"\#(provider.baseURL)/never"}}]}}"#)
        let started = try await call(gateway, "POST", "/workflows/\(slow.json["id"]?.stringValue ?? "")/execute", "{}")
        let id = try #require(started.json["executionId"]?.stringValue)
        try await Task.sleep(for: .milliseconds(150))
        let cancel = try await call(gateway, "POST", "/executions/\(id)", #"{"action":"cancel"}"#)
        #expect(cancel.status == 202)
        let cancelled = try await waitFor(gateway, execution: id, ["cancelled", "completed", "failed"])
        #expect(cancelled.json["status"] == "cancelled")
        #expect(!provider.requests.contains { $0.target == "/never" })
        #expect(try await call(gateway, "POST", "/executions/\(id)", #"{"action":"cancel"}"#).status == 409)
        #expect(try await call(gateway, "POST", "/executions/\(id)", #"{"action":"pause"}"#).status == 400)
        await gateway.stop()
        await provider.stop()
        await receiver.stop()
    }

    @Test("an execution left running by a stopped gateway shows as failed after restart")
    func restart() async throws {
        let gateway = try await TestGateway.start()
        try await gateway.sqlite().write { connection in
            try connection.execute("INSERT INTO executions (id, org_id, workflow_id, status, input, started_at) VALUES ('exec_x', ?, 'wf_x', 'running', '{}', '2026-01-01T00:00:00.000Z')",
                                   [.text(gateway.credentials.organization.id)])
        }
        let reopened = try await Platform.open(Platform.Options(databasePath: gateway.databasePath))
        let workers = try await GatewayApp.startWorkers(platform: reopened)
        let status = try await gateway.sqlite().read {
            try $0.queryOne("SELECT status, error FROM executions WHERE id = 'exec_x'")
        }
        #expect(try status?.string("status") == "failed")
        #expect(try status?.string("error")?.contains("interrupted") == true)
        workers.forEach { $0.cancel() }
        reopened.outbox.stop()
        await gateway.stop()
    }

    @Test("rate limit reached: 429 with the documented headers")
    func rateLimited() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider, rateLimit: 3)
        var statuses: [Int] = []
        var last: TestResponse?
        // Windows are aligned to the clock's minutes: calls that straddle a boundary (a loaded machine can take
        // seconds over four calls) are counted in two windows, so such a run is repeated.
        for _ in 0..<3 {
            statuses = []
            var resets: Set<String> = []
            for _ in 0..<4 {
                last = try await call(gateway, "GET", "/workflows")
                statuses.append(last?.status ?? 0)
                resets.insert(last?.headers["x-ratelimit-reset"] ?? "")
            }
            if resets.count == 1 { break }
        }
        #expect(statuses.filter { $0 == 429 }.count >= 1)
        #expect(last?.status == 429, "\(statuses): \(last?.text ?? "")")
        #expect(last?.headers["x-ratelimit-remaining"] == "0")
        #expect(last?.headers["retry-after"] != nil)
        #expect(last?.json["error"]?.stringValue?.contains("rate limit") == true)
        await gateway.stop()
        await provider.stop()
    }
}
