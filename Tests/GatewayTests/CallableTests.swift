import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 003: callables, listed and executed")
struct CallableTests {
    static let endpointSecret = "endpoint-secret-\(UUID().uuidString)"

    /// Stands in for OpenAI (a tool-calling exchange) and for the APIs callables and agents call.
    static func provider() throws -> StandInProvider {
        try StandInProvider { request in
            let body = (try? JSONValue(parsing: request.bodyBytes)) ?? .null
            switch request.path {
            case "/v1/chat/completions":
                let messages = body["messages"]?.arrayValue ?? []
                if let tool = messages.last(where: { $0["role"] == "tool" }) {
                    let content = tool["content"]?.stringValue ?? ""
                    let name = (try? JSONValue(parsing: content))?["body"]?["name"]?.stringValue ?? "?"
                    let answer: JSONValue = ["id": "c2", "object": "chat.completion", "model": "gpt-4o-mini", "choices": [["index": 0,
                        "message": ["role": "assistant", "content": .string("User 7 is \(name).")], "finish_reason": "stop"]]]
                    return .json(answer.serialized())
                }
                return .json(#"{"id":"c1","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_user","arguments":"{\"method\":\"GET\",\"path_params\":{\"user_id\":\"7\"}}"}}]},"finish_reason":"tool_calls"}]}"#)
            case "/users/7":
                guard request.headers["Authorization"] == "Bearer \(endpointSecret)" else { return .json(#"{"error":"no"}"#, status: .unauthorized) }
                return .json(#"{"id":7,"name":"Ada"}"#)
            case "/weather":
                let weather: JSONValue = ["city": .string(request.query("city") ?? ""), "temp": 21,
                                          "auth": .string(request.headers["Authorization"] ?? "")]
                return .json(weather.serialized())
            default: return .json(#"{"error":"unknown"}"#, status: .notFound)
            }
        }
    }

    static func start(_ provider: StandInProvider) async throws -> TestGateway {
        let gateway = try await TestGateway.start(upstreams: UpstreamDirectory(overrides: ["openai": provider.baseURL]))
        _ = try await gateway.platform.credentials.put(organizationID: nil, scope: .platform, provider: "openai", data: ["key": "sk-openai"])
        return gateway
    }

    func create(_ gateway: TestGateway, _ body: String, project: String? = nil) async throws -> TestResponse {
        try await gateway.request("POST", "/admin/organizations/demo/projects/\(project ?? gateway.credentials.project.id)/callables",
                                  headers: gateway.admin, body: body)
    }

    func execute(_ gateway: TestGateway, _ reference: String, _ input: String) async throws -> TestResponse {
        try await gateway.request("POST", "/execution/\(reference)", headers: ["x-api-key": gateway.credentials.apiKey.callableForm],
                                  body: #"{"input":\#(input)}"#)
    }

    @Test("the list has the project's callables, its agents and installed packages, sorted by name, with exactly the documented fields")
    func list() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        _ = try await create(gateway, #"{"type":"request","name":"Zeta weather","slug":"zeta","config":{"url":"\#(provider.baseURL)/weather"}}"#)
        _ = try await create(gateway, #"{"type":"script","name":"alpha sum","config":{"source":"async function main(input) { return 1 }"}}"#)
        let other = try await gateway.request("POST", "/admin/organizations/demo/projects", headers: gateway.admin, body: #"{"name":"Shared"}"#)
        let otherProject = try #require(other.json["id"]?.stringValue)
        let shared = try await create(gateway, #"{"type":"script","name":"Middle shared","config":{"source":"async function main() { return 2 }"}}"#, project: otherProject)
        let package = try await gateway.request("POST", "/admin/organizations/demo/packages", headers: gateway.admin,
                                                body: #"{"name":"Tools","callableIds":["\#(shared.json["id"]?.stringValue ?? "")"]}"#)
        _ = try await gateway.request("POST", "/admin/organizations/demo/projects/\(gateway.credentials.project.id)/packages/\(package.json["id"]?.stringValue ?? "")/install",
                                      headers: gateway.admin)
        let byKey = try await gateway.request("GET", "/execution", headers: ["x-api-key": gateway.credentials.apiKey.callableForm])
        let byJWT = try await gateway.request("GET", "/execution", headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.viewer]!)",
                                                                             "x-project-id": gateway.credentials.project.id])
        #expect(byKey.status == 200)
        #expect(byKey.json == byJWT.json)
        let items = byKey.json["data"]?.arrayValue ?? []
        #expect(items.compactMap { $0["name"]?.stringValue } == ["alpha sum", "Demo agent", "Middle shared", "Zeta weather"])
        #expect(items.map { $0["is_owner"] } == [true, true, false, true])
        #expect(items[1]["type"] == "agent")
        #expect(items[0].objectValue?.keys.sorted() == ["auth", "customization", "description", "group_name", "icon", "id", "input_schema",
                                                          "is_owner", "name", "oauth_system_id", "output_schema", "slug", "type"])
        let noProject = try await gateway.request("GET", "/execution", headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.viewer]!)"])
        #expect(noProject.status == 404)
        #expect(noProject.json["data"] == .null)
        #expect(noProject.json["error"]?["message"]?.stringValue != nil)
        let anonymous = try await gateway.request("GET", "/execution")
        #expect(anonymous.status == 401)
        #expect(anonymous.json["error"]?["message"]?.stringValue != nil)
        await gateway.stop()
        await provider.stop()
    }

    @Test("request callables: input and output checked against their schemas, run by id or slug")
    func request() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        _ = try await create(gateway, #"{"type":"request","name":"Weather","slug":"weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"output_schema":{"type":"object","required":["temp"]},"config":{"url":"\#(provider.baseURL)/weather","query":{"city":"{{input.city}}"}}}"#)
        let ok = try await execute(gateway, "weather", #"{"city":"Lyon"}"#)
        #expect(ok.status == 200)
        #expect(ok.json["data"]?["output"]?["city"] == "Lyon")
        #expect(ok.json["error"] == .null)
        let bad = try await execute(gateway, "weather", #"{"town":"Lyon"}"#)
        #expect(bad.status == 400)
        #expect(bad.json["error"]?["details"]?[0]?["keyword"] == "required")
        _ = try await create(gateway, #"{"type":"request","name":"Strict","slug":"strict","output_schema":{"type":"array"},"config":{"url":"\#(provider.baseURL)/weather"}}"#)
        let wrongOutput = try await execute(gateway, "strict", "{}")
        #expect(wrongOutput.status == 502)
        #expect(wrongOutput.json["error"]?["message"]?.stringValue?.contains("output_schema") == true)
        #expect(try await execute(gateway, "nope", "{}").status == 404)
        await gateway.stop()
        await provider.stop()
    }

    @Test("script callables run in Node's sandbox: results come back; loops time out; file writes are refused")
    func scripts() async throws {
        let gateway = try await TestGateway.start()
        _ = try await create(gateway, #"{"type":"script","name":"Sum","slug":"sum","config":{"source":"async function main(input) { return { sum: input.values.reduce((a, b) => a + b, 0) } }"}}"#)
        let sum = try await execute(gateway, "sum", #"{"values":[1,2,39]}"#)
        #expect(sum.json["data"]?["output"] == ["sum": 42])
        _ = try await create(gateway, #"{"type":"script","name":"Loop","slug":"loop","config":{"timeoutMs":500,"source":"async function main() { for (;;) {} }"}}"#)
        let loop = try await execute(gateway, "loop", "{}")
        #expect(loop.status == 502)
        #expect(loop.json["error"]?["message"]?.stringValue?.contains("timed out") == true)
        _ = try await create(gateway, #"{"type":"script","name":"Writer","slug":"writer","config":{"source":"async function main() { require('fs').writeFileSync('/tmp/sb-escape', 'x'); return 1 }"}}"#)
        let writer = try await execute(gateway, "writer", "{}")
        #expect(writer.status == 502)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/sb-escape"))
        await gateway.stop()
    }

    @Test("a second callable with a slug the project already has is 409, not a storage error")
    func duplicateSlug() async throws {
        let gateway = try await TestGateway.start()
        let body = #"{"type":"request","name":"Twice","slug":"twice","config":{"url":"http://127.0.0.1:9/x"}}"#
        #expect(try await create(gateway, body).status == 201)
        let again = try await create(gateway, body)
        #expect(again.status == 409, "\(again.text)")
        #expect(again.json["error"]?.stringValue?.contains("twice") == true)
        await gateway.stop()
    }

    @Test("without Node.js, script callables answer 503 naming the fix")
    func scriptsWithoutNode() async throws {
        let gateway = try await TestGateway.start(nodePath: "/nonexistent/node")
        _ = try await create(gateway, #"{"type":"script","name":"Sum","slug":"sum","config":{"source":"async function main() { return 1 }"}}"#)
        let response = try await execute(gateway, "sum", "{}")
        #expect(response.status == 503)
        #expect(response.json["error"]?["message"]?.stringValue?.contains("--node") == true, "\(response.text)")
        await gateway.stop()
    }

    @Test("pipelines chain callables with conditions; OAuth callables wait for their OAuth system")
    func pipelinesAndOAuth() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        _ = try await create(gateway, #"{"type":"request","name":"W","slug":"w","config":{"url":"\#(provider.baseURL)/weather","query":{"city":"{{input.city}}"}}}"#)
        _ = try await create(gateway, #"{"type":"script","name":"Double","slug":"double","config":{"source":"async function main(input) { return input.n * 2 }"}}"#)
        _ = try await create(gateway, #"{"type":"callable-pipeline","name":"P","slug":"p","config":{"steps":[{"name":"weather","callable":"w","input":{"city":"{{input.city}}"}},{"name":"twice","callable":"double","input":{"n":"{{steps.weather.output.temp}}"},"when":{"path":"steps.weather.output.city","equals":"Paris"}}],"output":{"city":"{{steps.weather.output.city}}","twice":"{{steps.twice.output}}"}}}"#)
        let paris = try await execute(gateway, "p", #"{"city":"Paris"}"#)
        #expect(paris.json["data"]?["output"] == ["city": "Paris", "twice": 42], "\(paris.text)")
        #expect(try await execute(gateway, "p", #"{"city":"Oslo"}"#).json["data"]?["output"] == ["city": "Oslo", "twice": nil])
        _ = try await create(gateway, #"{"type":"request","name":"Private","slug":"private","auth":"OAUTH","oauth_system_id":"cred_missing","config":{"url":"\#(provider.baseURL)/weather"}}"#)
        let refused = try await execute(gateway, "private", "{}")
        #expect(refused.status == 400)
        #expect(refused.json["error"]?["message"]?.stringValue?.contains("OAuth system") == true)
        let credential = try await gateway.platform.credentials.create(organizationID: gateway.credentials.organization.id, scope: .tenant,
                                                                       name: "oauth", description: nil, type: "oauth", provider: "acme",
                                                                       data: ["access_token": "oauth-token-1"])
        _ = try await gateway.request("PUT", "/admin/organizations/demo/projects/\(gateway.credentials.project.id)/callables/\(try await callableID(gateway, "private"))",
                                      headers: gateway.admin, body: #"{"oauth_system_id":"\#(credential.id)"}"#)
        let allowed = try await execute(gateway, "private", "{}")
        #expect(allowed.json["data"]?["output"]?["auth"] == "Bearer oauth-token-1")
        await gateway.stop()
        await provider.stop()
    }

    func callableID(_ gateway: TestGateway, _ slug: String) async throws -> String {
        let list = try await gateway.request("GET", "/execution", headers: ["x-api-key": gateway.credentials.apiKey.callableForm])
        return list.json["data"]?.arrayValue?.first { $0["slug"] == .string(slug) }?["id"]?.stringValue ?? ""
    }

    @Test("an agent runs a tool loop: the model's tool call reaches the endpoint with the injected key, never shown back")
    func agent() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let path = "/api/v1/organizations/\(gateway.credentials.organization.id)/projects/\(gateway.credentials.project.id)/agents/\(gateway.credentials.agentID)/api-endpoints/get_user"
        let configured = try await gateway.request("POST", path, headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.member]!)"],
                                                   body: #"{"base_url":"\#(provider.baseURL)","path":"/users/{user_id}","methods":["GET"],"description":"Get a user","authentication":{"type":"bearer_token","token":"\#(Self.endpointSecret)"}}"#)
        #expect(configured.status == 201)
        let run = try await execute(gateway, gateway.credentials.agentID, #"{"message":"Who is user 7?"}"#)
        #expect(run.status == 200, "\(run.text)")
        #expect(run.json["data"]?["output"] == "User 7 is Ada.")
        #expect(run.json["data"]?["type"] == "agent")
        let endpointCall = try #require(provider.requests.first { $0.target == "/users/7" })
        #expect(endpointCall.headers["Authorization"] == "Bearer \(Self.endpointSecret)")
        let firstTurn = try #require(provider.requests.first { $0.target == "/v1/chat/completions" })
        #expect(try JSONValue(parsing: firstTurn.body)["tools"]?[0]?["function"]?["name"] == "get_user")
        #expect(!run.text.contains(Self.endpointSecret))
        #expect(!firstTurn.body.isEmpty && !String(decoding: firstTurn.body, as: UTF8.self).contains(Self.endpointSecret))
        await gateway.stop()
        await provider.stop()
    }
}
