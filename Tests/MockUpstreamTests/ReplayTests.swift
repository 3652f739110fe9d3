import Foundation
import HTTPCore
import JSONSchema
import Testing
@testable import MockUpstream

/// Replay by provider prefix: defaults answer well-formed requests, specific recordings win, provider errors
/// answer bad requests, and a miss names the closest recording.
@Suite("Replay and matching")
struct ReplayTests {
    @Test("each provider's default answers a well-formed request",
          arguments: [
            ("GET", "/openai/v1/models", ["Authorization": "Bearer sk-test"], "", 200, "/object", "list"),
            ("POST", "/openai/v1/chat/completions", ["Authorization": "Bearer sk-test"],
             #"{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}"#, 200, "/model", "gpt-4o"),
            ("GET", "/elevenlabs/v1/models", ["xi-api-key": "k"], "", 200, "/0/model_id", "eleven_multilingual_v2"),
            ("GET", "/heygen/v2/avatars", ["X-Api-Key": "k"], "", 200, "/data/avatars/0/avatar_id", "Angela-inblackskirt-20220820"),
            ("GET", "/heygen/v2/user/remaining_quota", ["X-Api-Key": "k"], "", 200, "/data/remaining_quota", "2344452"),
            ("POST", "/huggingface/models/gpt2", ["Authorization": "Bearer hf_abc"], #"{"inputs":"Once"}"#, 200,
             "/0/generated_text", "Once upon a time, in a small village nestled between rolling hills, there lived a curious young inventor."),
            ("POST", "/huggingface/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction",
             ["Authorization": "Bearer hf_abc"], #"{"inputs":["a"]}"#, 200, "/0/0", "0.0123"),
            ("POST", "/slack/api/chat.postMessage", ["Authorization": "Bearer xoxb-1"], #"{"channel":"C123","text":"hi"}"#, 200,
             "/channel", "C123"),
            ("POST", "/discord/api/v10/channels/123456789012345678/messages", ["Authorization": "Bot abc.def"],
             #"{"content":"hello"}"#, 200, "/content", "hello"),
          ] as [(String, String, [String: String], String, Int, String, String)])
    func defaults(_ method: String, _ path: String, _ headers: [String: String], _ body: String, _ status: Int,
                  _ pointer: String, _ expected: String) async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let reply = try await TestHTTP.send(try #require(HTTPMethod(rawValue: method)), mock.baseURL + path,
                                            headers: HTTPHeaders(headers.map { ($0.key, $0.value) }),
                                            body: body.isEmpty ? .none : .json(body))
        #expect(reply.status == status, "\(reply.text)")
        let value = try #require(reply.json?.at(pointer: pointer), "\(reply.text)")
        #expect(ValueMatcher.text(of: value) == expected)
    }

    @Test("requests the provider would reject get the provider's own error",
          arguments: [
            ("GET", "/openai/v1/models", [:], "", 401, "/error/code", "null"),
            ("GET", "/openai/v1/models", ["Authorization": "Basic x"], "", 401, "/error/code", "invalid_api_key"),
            ("POST", "/openai/v1/chat/completions", ["Authorization": "Bearer sk-1"], #"{"model":"gpt-4o"}"#, 400,
             "/error/param", "messages"),
            ("POST", "/openai/v1/chat/completions", ["Authorization": "Bearer sk-1"],
             #"{"model":"no-such-model","messages":[]}"#, 404, "/error/message",
             "The model `no-such-model` does not exist or you do not have access to it."),
            ("GET", "/elevenlabs/v1/voices", [:], "", 401, "/detail/status", "invalid_api_key"),
            ("POST", "/elevenlabs/v1/text-to-speech/nobody", ["xi-api-key": "k"], #"{"text":"hi"}"#, 400,
             "/detail/status", "voice_not_found"),
            ("POST", "/elevenlabs/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", ["xi-api-key": "k"], #"{"model_id":"m"}"#, 422,
             "/detail/0/loc/1", "text"),
            ("GET", "/heygen/v2/voices", [:], "", 401, "/error/code", "unauthorized"),
            ("GET", "/heygen/v1/video_status.get?video_id=v", [:], "", 401, "/message", "Unauthorized"),
            ("POST", "/huggingface/models/gpt2", [:], #"{"inputs":"x"}"#, 401, "/error", "Invalid credentials in Authorization header"),
            ("POST", "/huggingface/models/gpt2", ["Authorization": "Bearer hf_a"], #"{"parameters":{}}"#, 422, "/error_type", "validation"),
            ("GET", "/stripe/v1/customers/cus_1", [:], "", 401, "/error/type", "invalid_request_error"),
            ("POST", "/slack/api/chat.postMessage", [:], #"{"channel":"C1"}"#, 200, "/error", "not_authed"),
            ("POST", "/slack/api/chat.postMessage", ["Authorization": "Bearer nope"], #"{"channel":"C1"}"#, 200, "/error", "invalid_auth"),
            ("POST", "/slack/api/chat.postMessage", ["Authorization": "Bearer xoxb-1"], #"{"channel":"C0000000"}"#, 200,
             "/error", "channel_not_found"),
            ("POST", "/discord/api/v10/channels/1/messages", [:], #"{"content":"x"}"#, 401, "/message", "401: Unauthorized"),
            ("POST", "/discord/api/v10/channels/000/messages", ["Authorization": "Bot t"], #"{"content":"x"}"#, 404, "/code", "10003"),
            ("POST", "/discord/api/v10/channels/1/messages", ["Authorization": "Bot t"], #"{"tts":false}"#, 400, "/code", "50006"),
          ] as [(String, String, [String: String], String, Int, String, String)])
    func providerErrors(_ method: String, _ path: String, _ headers: [String: String], _ body: String, _ status: Int,
                        _ pointer: String, _ expected: String) async throws {
        try await defaults(method, path, headers, body, status, pointer, expected)
    }

    @Test("Stripe form bodies: amount echoed, a missing param and a declined test card")
    func stripeForms() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let url = mock.baseURL(for: .stripe) + "/v1/payment_intents"
        let auth: HTTPHeaders = ["Authorization": "Bearer sk_test_123"]
        let created = try await TestHTTP.send(.post, url, headers: auth, body: .form([("amount", "2000"), ("currency", "eur")]))
        #expect(created.status == 200)
        #expect(created.json?["amount"] == .number(2000))
        #expect(created.json?["currency"] == "eur")
        let missing = try await TestHTTP.send(.post, url, headers: auth, body: .form([("currency", "eur")]))
        #expect(missing.status == 400)
        #expect(missing.json?.at(pointer: "/error/code") == "parameter_missing")
        let declined = try await TestHTTP.send(.post, url, headers: auth, body: .form([
            ("amount", "500"), ("currency", "usd"), ("payment_method", "pm_card_chargeDeclined"), ("confirm", "true")]))
        #expect(declined.status == 402)
        #expect(declined.json?.at(pointer: "/error/type") == "card_error")
        #expect(declined.json?.at(pointer: "/error/decline_code") == "generic_decline")
    }

    @Test("the tool-call exchange: a tool call first, the final answer once a tool message is present")
    func toolCalls() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let url = mock.baseURL(for: .openai) + "/v1/chat/completions"
        let auth: HTTPHeaders = ["Authorization": "Bearer sk-agent"]
        let tools = #"[{"type":"function","function":{"name":"call_api","parameters":{"type":"object"}}}]"#
        let first = try await TestHTTP.post(url, json: #"{"model":"gpt-4o-mini","tools":\#(tools),"messages":[{"role":"user","content":"status?"}]}"#,
                                            headers: auth)
        #expect(first.json?.at(pointer: "/choices/0/finish_reason") == "tool_calls")
        #expect(first.json?.at(pointer: "/choices/0/message/tool_calls/0/function/name") == "call_api")
        let arguments = try #require(first.json?.at(pointer: "/choices/0/message/tool_calls/0/function/arguments")?.stringValue)
        #expect((try JSONValue(parsing: arguments))["method"] == "GET")
        let callID = try #require(first.json?.at(pointer: "/choices/0/message/tool_calls/0/id")?.stringValue)
        let second = try await TestHTTP.post(url, json: #"""
            {"model":"gpt-4o-mini","tools":\#(tools),"messages":[{"role":"user","content":"status?"},
             {"role":"assistant","content":null,"tool_calls":[{"id":"\#(callID)","type":"function","function":{"name":"call_api","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"\#(callID)","content":"{\"status\":\"ok\"}"}]}
            """#, headers: auth)
        #expect(second.json?.at(pointer: "/choices/0/finish_reason") == "stop")
        #expect(second.json?.at(pointer: "/choices/0/message/content")?.stringValue?.contains("status ok") == true)
        #expect(mock.journal.entries(provider: .openai, method: .post, path: "/v1/chat/completions").map(\.recording)
            == ["openai.chat.tool-call", "openai.chat.tool-result"])
    }

    @Test("no match: 404 in the mock's shape naming the closest recording and what differed")
    func noMatch() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let reply = try await TestHTTP.send(.delete, mock.baseURL(for: .openai) + "/v1/models",
                                            headers: ["Authorization": "Bearer sk-1"])
        #expect(reply.status == 404)
        #expect(reply.headers["X-Mock-No-Match"] == "true")
        #expect(reply.json?.at(pointer: "/error/type") == "mock_no_match")
        #expect(reply.json?.at(pointer: "/error/closest/recording") == "openai.models.list")
        let differences = reply.json?.at(pointer: "/error/closest/differences")?.arrayValue ?? []
        #expect(differences == ["method: expected GET, got DELETE"])
        let typo = try await TestHTTP.post(mock.baseURL(for: .openai) + "/v1/chat/completionz", json: #"{"model":"gpt-4o"}"#,
                                           headers: ["Authorization": "Bearer sk-1"])
        #expect(typo.json?.at(pointer: "/error/closest/recording") == "openai.chat.default")
        #expect(typo.json?.at(pointer: "/error/closest/differences/0") == "path: expected /v1/chat/completions, got /v1/chat/completionz")
        let outside = try await TestHTTP.send(.get, mock.baseURL + "/nowhere/v1")
        #expect(outside.status == 404)
        #expect(outside.json?.at(pointer: "/error/closest") == .null)
        #expect(mock.journal.unmatched.count == 3)
    }

    @Test("X-Mock-Recording picks a recording by id")
    func pickByID() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let reply = try await TestHTTP.send(.get, mock.baseURL(for: .heygen) + "/v1/video_status.get?video_id=abc",
                                            headers: ["X-Api-Key": "k", "X-Mock-Recording": "heygen.video.status.completed"])
        #expect(reply.json?.at(pointer: "/data/status") == "completed")
        #expect(reply.json?.at(pointer: "/data/id") == "abc")
    }
}
