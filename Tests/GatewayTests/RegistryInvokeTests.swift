import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 001: registry, register and invoke")
struct RegistryInvokeTests {
    static func providers() throws -> StandInProvider {
        try StandInProvider { request in
            switch request.path {
            case "/api/chat.postMessage":
                return .json(#"{"ok":true,"channel":"C1","ts":"1700000000.000100","message":{"text":"hi"}}"#)
            case "/v1/customers": return .json(#"{"id":"cus_1","object":"customer","email":"a@b.example"}"#)
            case "/custom/things/42": return .json(#"{"id":42,"name":"thing"}"#)
            default: return .json(#"{"error":"nope"}"#, status: .notFound)
            }
        }
    }

    static func start(_ provider: StandInProvider) async throws -> TestGateway {
        let gateway = try await TestGateway.start(upstreams: UpstreamDirectory(overrides: [
            "slack": provider.baseURL, "stripe": provider.baseURL,
        ]))
        let orgID = gateway.credentials.organization.id
        _ = try await gateway.platform.credentials.put(organizationID: orgID, scope: .service, provider: "slack", data: ["bot_token": "xoxb-test"])
        _ = try await gateway.platform.credentials.put(organizationID: orgID, scope: .service, provider: "stripe", data: ["secret_key": "sk_test_1"])
        return gateway
    }

    func post(_ gateway: TestGateway, _ path: String, _ body: String, key: String? = nil) async throws -> TestResponse {
        try await gateway.request("POST", "/api/integrations\(path)",
                                  headers: ["Authorization": "Bearer \(key ?? gateway.credentials.apiKey.token)"], body: body)
    }

    @Test("the registry lists the built-in integrations and their operations with input schemas")
    func registry() async throws {
        let gateway = try await TestGateway.start()
        let bearer = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"]
        let list = try await gateway.request("GET", "/api/integrations/registry", headers: bearer)
        #expect(list.json.arrayValue?.compactMap { $0["key"]?.stringValue } == ["slack", "stripe", "discord", "smtp", "http"])
        let slack = try await gateway.request("GET", "/api/integrations/registry/slack/operations", headers: bearer)
        #expect(slack.json.arrayValue?.compactMap { $0["id"]?.stringValue } == ["slack.send_message", "slack.update_message", "slack.add_reaction"])
        #expect(slack.json[0]?["inputSchema"]?["required"] == ["channel"])
        #expect(try await gateway.request("GET", "/api/integrations/registry/nope/operations", headers: bearer).status == 404)
        await gateway.stop()
    }

    @Test("invoke calls Slack with JSON and Stripe with a form, each with its injected key")
    func invoke() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let slack = try await post(gateway, "/invoke", #"{"operation":"slack.send_message","body":{"channel":"C1","text":"hi"}}"#)
        #expect(slack.status == 200)
        #expect(slack.json["success"] == true)
        #expect(slack.json["data"]?["ts"] == "1700000000.000100")
        let slackCall = try #require(provider.requests.first { $0.target == "/api/chat.postMessage" })
        #expect(slackCall.headers["Authorization"] == "Bearer xoxb-test")
        #expect(try JSONValue(parsing: slackCall.body) == ["channel": "C1", "text": "hi"])
        let stripe = try await post(gateway, "/invoke", #"{"operation":"stripe.create_customer","body":{"email":"a@b.example","name":"A B"}}"#)
        #expect(stripe.json["data"]?["id"] == "cus_1")
        let stripeCall = try #require(provider.requests.first { $0.target == "/v1/customers" })
        #expect(stripeCall.headers["Authorization"] == "Bearer sk_test_1")
        #expect(stripeCall.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true)
        #expect(String(decoding: stripeCall.body, as: UTF8.self) == "email=a%40b.example&name=A+B")
        await gateway.stop()
        await provider.stop()
    }

    @Test("input is validated against the operation's schema, with errors by path")
    func validation() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let missing = try await post(gateway, "/invoke", #"{"operation":"slack.send_message","body":{"text":5}}"#)
        #expect(missing.status == 400)
        let details = missing.json["details"]?.arrayValue ?? []
        #expect(details.contains { $0["keyword"] == "required" })
        #expect(details.contains { $0["path"] == "/text" && $0["keyword"] == "type" })
        #expect(try await post(gateway, "/invoke", #"{"operation":"slack.fly"}"#).status == 404)
        #expect(try await post(gateway, "/invoke", #"{"operation":"slack"}"#).status == 400)
        #expect(provider.requests.isEmpty)
        await gateway.stop()
        await provider.stop()
    }

    @Test("an organization registers its own integration, validated, and invokes it; others do not see it")
    func register() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let definition = #"""
            {"key":"things","name":"Things API","type":"custom","baseUrl":"\#(provider.baseURL)/custom","auth":{"type":"apiKey","header":"X-Things-Key","field":"key"},
             "operations":[{"id":"get_thing","method":"GET","path":"/things/{id}","inputSchema":{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}}]}
            """#
        let registered = try await post(gateway, "/register", definition)
        #expect(registered.status == 200)
        #expect(registered.json["operations"]?[0]?["id"] == "things.get_thing")
        #expect(try await post(gateway, "/register", definition).status == 409)
        let badSchema = definition.replacingOccurrences(of: #""type":"integer""#, with: #""type":"integr""#).replacingOccurrences(of: "\"things\"", with: "\"things2\"")
        let invalid = try await post(gateway, "/register", badSchema)
        #expect(invalid.status == 400)
        #expect(invalid.json["error"]?.stringValue?.contains("operations[0].inputSchema") == true)
        _ = try await gateway.platform.credentials.put(organizationID: gateway.credentials.organization.id, scope: .service,
                                                       provider: "things", data: ["key": "t-secret"])
        let invoked = try await post(gateway, "/invoke", #"{"operation":"things.get_thing","body":{"id":42}}"#)
        #expect(invoked.json["data"]?["name"] == "thing")
        #expect(provider.requests.last?.headers["X-Things-Key"] == "t-secret")
        let other = try await gateway.request("GET", "/api/integrations/registry/things/operations",
                                              headers: ["Authorization": "Bearer \(gateway.credentials.other.apiKey.token)"])
        #expect(other.status == 404)
        await gateway.stop()
        await provider.stop()
    }
}
