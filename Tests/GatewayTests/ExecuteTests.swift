import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 001: execute across providers")
struct ExecuteTests {
    static func providers() throws -> StandInProvider {
        try StandInProvider { request in
            let body = (try? JSONValue(parsing: request.bodyBytes)) ?? .null
            switch request.path {
            case "/v1/chat/completions":
                if body["model"] == "missing" {
                    return .json(#"{"error":{"message":"The model `missing` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#, status: .notFound)
                }
                if body["model"] == "busy" {
                    return .json(#"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#,
                                 status: .tooManyRequests, headers: ["Retry-After": "7"])
                }
                if body["stream"] == true {
                    let events = ["{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
                                  "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}",
                                  "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}",
                                  "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}",
                                  "[DONE]"]
                    return .stream(HTTPBody.chunksStreamForTests(events.map { Array("data: \($0)\n\n".utf8) }),
                                   contentType: "text/event-stream")
                }
                return .json(#"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}"#)
            case "/v1/embeddings":
                return .json(#"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":3,"total_tokens":3}}"#)
            case "/v1/models":
                return .json(#"{"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1,"owned_by":"openai"},{"id":"text-embedding-3-small","object":"model","created":1,"owned_by":"openai"}]}"#)
            case let path where path.hasSuffix("/pipeline/feature-extraction"):
                return .json("[[0.3,0.4]]")
            case let path where path.hasPrefix("/hf-inference/models/"):
                if request.headers["Authorization"] == "Bearer wrong" {
                    return .json(#"{"error":"Invalid credentials in Authorization header"}"#, status: .unauthorized)
                }
                return .json(#"[{"generated_text":"Hello"}]"#)
            default:
                return .json(#"{"error":"unknown"}"#, status: .notFound)
            }
        }
    }

    static func start(_ provider: StandInProvider) async throws -> TestGateway {
        let gateway = try await TestGateway.start(upstreams: UpstreamDirectory(overrides: [
            "openai": provider.baseURL, "huggingface": provider.baseURL,
        ]))
        for name in ["openai", "huggingface"] {
            _ = try await gateway.platform.credentials.put(organizationID: nil, scope: .platform, provider: name,
                                                           data: ["key": .string("\(name)-platform-key")])
        }
        return gateway
    }

    func execute(_ gateway: TestGateway, _ body: String, prefix: String = "/api/integrations") async throws -> TestResponse {
        try await gateway.request("POST", "\(prefix)/execute",
                                  headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)",
                                            "Content-Type": "application/json"], body: body)
    }

    @Test("chat via OpenAI and via Hugging Face yield the same normalized shape")
    func sameShape() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let messages = #"[{"role":"system","content":"Be brief."},{"role":"user","content":"Say hello"}]"#
        let viaOpenAI = try await execute(gateway, #"{"provider":"openai","operation":"chat.completions","params":{"model":"gpt-4o-mini","messages":\#(messages),"maxTokens":20}}"#)
        let viaHF = try await execute(gateway, #"{"provider":"huggingface","operation":"chat.completions","params":{"model":"HuggingFaceH4/zephyr-7b-beta","messages":\#(messages)}}"#, prefix: "/api/api/integrations")
        for response in [viaOpenAI, viaHF] {
            #expect(response.status == 200)
            #expect(response.json["success"] == true)
            #expect(response.json["data"]?["content"] == "Hello")
            #expect(response.json["data"]?["finishReason"] == "stop")
            #expect(response.json["requestId"]?.stringValue?.hasPrefix("req_") == true)
        }
        #expect(viaOpenAI.json["data"]?.objectValue?.keys.sorted() == viaHF.json["data"]?.objectValue?.keys.sorted())
        #expect(viaOpenAI.json["data"]?["usage"]?["totalTokens"] == 7)
        let usage = try await gateway.request("GET", "/api/integrations/usage", headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"])
        #expect(usage.json["tokens"]?["total"] == 7, "usage counts the tokens the providers reported")
        #expect(viaOpenAI.json["data"]?["provider"] == "openai")
        #expect(viaHF.json["data"]?["provider"] == "huggingface")
        let openAICall = try #require(provider.requests.first { $0.target == "/v1/chat/completions" })
        #expect(openAICall.headers["Authorization"] == "Bearer openai-platform-key")
        #expect(try JSONValue(parsing: openAICall.body)["max_tokens"] == 20)
        let hfCall = try #require(provider.requests.first { $0.target.hasPrefix("/hf-inference/models/HuggingFaceH4") })
        #expect(try JSONValue(parsing: hfCall.body)["inputs"] == "system: Be brief.\nuser: Say hello\nassistant:")
        await gateway.stop()
        await provider.stop()
    }

    @Test("embeddings from both providers")
    func embeddings() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let openAI = try await execute(gateway, #"{"provider":"openai","operation":"embeddings","params":{"model":"text-embedding-3-small","input":"hi"}}"#)
        #expect(openAI.json["data"]?["metadata"]?["embeddings"] == [[0.1, 0.2]])
        let hf = try await execute(gateway, #"{"provider":"huggingface","operation":"embeddings","params":{"input":"hi"}}"#)
        #expect(hf.json["data"]?["metadata"]?["embeddings"] == [[0.3, 0.4]])
        await gateway.stop()
        await provider.stop()
    }

    @Test("a streamed completion arrives as SSE deltas, then the normalized whole")
    func streaming() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let response = try await execute(gateway, #"{"provider":"openai","operation":"chat.completions","stream":true,"params":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}"#)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/event-stream")
        let events = response.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events.count == 3)
        #expect(events[0] == "event: delta\ndata: {\"content\":\"Hel\"}")
        #expect(events[1] == "event: delta\ndata: {\"content\":\"lo\"}")
        let done = try JSONValue(parsing: String(events[2].dropFirst("event: done\ndata: ".count)))
        #expect(done["data"]?["content"] == "Hello")
        #expect(done["data"]?["usage"]?["totalTokens"] == 7)
        await gateway.stop()
        await provider.stop()
    }

    @Test("provider and request errors are normalized", arguments: [
        (#"{"provider":"openai","operation":"chat.completions","params":{"model":"missing","messages":[{"role":"user","content":"x"}]}}"#, 404, "not_found", false),
        (#"{"provider":"openai","operation":"chat.completions","params":{"model":"busy","messages":[{"role":"user","content":"x"}]}}"#, 429, "rate_limit", true),
        (#"{"provider":"anthropic","operation":"messages","params":{"model":"x"}}"#, 400, "validation", false),
        (#"{"provider":"openai","operation":"chat.completions","params":{"model":"m"}}"#, 400, "validation", false),
        (#"{"provider":"openai","operation":"chat.completions","params":{"messages":[{"role":"user","content":"x"}],"temperature":3}}"#, 400, "validation", false),
        (#"{"operation":"chat.completions"}"#, 400, "validation", false),
    ] as [(String, Int, String, Bool)])
    func errors(_ body: String, _ status: Int, _ category: String, _ retryable: Bool) async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let response = try await execute(gateway, body)
        #expect(response.status == status, "\(response.text)")
        #expect(response.json["success"] == false)
        #expect(response.json["errorCategory"] == .string(category))
        #expect(response.json["retryable"] == .bool(retryable))
        await gateway.stop()
        await provider.stop()
    }

    @Test("a provider rejecting the key is a 502 auth error; a rate limit keeps Retry-After")
    func providerAuth() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        _ = try await gateway.platform.credentials.put(organizationID: gateway.credentials.organization.id, scope: .service,
                                                       provider: "huggingface", data: ["key": "wrong"])
        let response = try await execute(gateway, #"{"provider":"huggingface","operation":"text.generation","params":{"prompt":"x"}}"#)
        #expect(response.status == 502)
        #expect(response.json["errorCategory"] == "auth")
        let limited = try await execute(gateway, #"{"provider":"openai","operation":"chat.completions","params":{"model":"busy","messages":[{"role":"user","content":"x"}]}}"#)
        #expect(limited.json["retryAfter"] == "7")
        await gateway.stop()
        await provider.stop()
    }

    @Test("providers, their models (asked of OpenAI) and capabilities")
    func providers() async throws {
        let provider = try Self.providers()
        let gateway = try await Self.start(provider)
        let bearer = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"]
        let list = try await gateway.request("GET", "/api/integrations/providers", headers: bearer)
        #expect(list.json["providers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["openai", "huggingface"])
        #expect(list.json["providers"]?[0]?["configured"] == true)
        #expect(try await gateway.request("GET", "/api/integrations/providers/anthropic", headers: bearer).status == 404)
        let models = try await gateway.request("GET", "/api/integrations/providers/openai/models?capability=embedding", headers: bearer)
        #expect(models.json["models"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["text-embedding-3-small"])
        let capabilities = try await gateway.request("GET", "/api/integrations/capabilities", headers: bearer)
        #expect(capabilities.json["defaults"]?["chat"]?["provider"] == "openai")
        #expect(capabilities.json["modelsByPurpose"]?["embedding"]?.arrayValue?.count == 2)
        await gateway.stop()
        await provider.stop()
    }
}
