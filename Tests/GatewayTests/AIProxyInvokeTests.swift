import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 000: invoke")
struct AIProxyInvokeTests {
    static let tenantKey = "tenant-eleven-\(UUID().uuidString)"
    static let platformKey = "platform-key-\(UUID().uuidString)"
    static let audio: [UInt8] = Array(repeating: 0xFF, count: 3) + Array(0..<200).map { UInt8($0 % 251) }

    /// A stand-in for ElevenLabs and HeyGen with the answers the tests need.
    static func provider() throws -> StandInProvider {
        try StandInProvider { request in
            switch request.path {
            case "/v1/voices": return .json(#"{"voices":[{"voice_id":"v1","name":"Rachel"}]}"#)
            case "/v1/text-to-speech/v%201":
                return HTTPResponse(status: .ok, contentType: "audio/mpeg", bytes: audio)
            case "/v1/text-to-speech/v1/stream":
                return .stream(HTTPBody.chunksStreamForTests([Array(audio.prefix(100)), Array(audio.dropFirst(100))]),
                               contentType: "audio/mpeg")
            case "/v1/models": return .json(#"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#, status: .unauthorized)
            case "/v2/avatars": return .json(#"{"error":"boom"}"#, status: HTTPStatus(code: 503))
            case "/v2/video/generate": return .json(#"{"error":null,"data":{"video_id":"vid_123"}}"#)
            case "/v1/video_status.get": return .json(#"{"code":100,"data":{"id":"vid_123","status":"completed","video_url":"https://x/v.mp4"},"message":"Success"}"#)
            case "/v2/user/remaining_quota":
                try await Task.sleep(for: .seconds(3))
                return .json("{}")
            default: return .json(#"{"error":"not here"}"#, status: .notFound)
            }
        }
    }

    static func start(_ provider: StandInProvider) async throws -> TestGateway {
        let gateway = try await TestGateway.start(upstreams: UpstreamDirectory(overrides: [
            "elevenlabs": provider.baseURL, "heygen": provider.baseURL,
        ]))
        let orgID = gateway.credentials.organization.id
        _ = try await gateway.platform.credentials.put(organizationID: orgID, scope: .service, provider: "elevenlabs",
                                                       data: ["key": .string(tenantKey)])
        _ = try await gateway.platform.credentials.put(organizationID: nil, scope: .platform, provider: "heygen",
                                                       data: ["key": .string(platformKey)])
        return gateway
    }

    func invoke(_ gateway: TestGateway, _ service: String, _ action: String, _ body: String = "{}",
                extraHeaders: [String: String] = [:]) async throws -> TestResponse {
        try await gateway.request("POST", "/api/ai-proxy/orgs/demo/services/\(service)/\(action)/",
                                  headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)",
                                            "Content-Type": "application/json"].merging(extraHeaders) { $1 },
                                  body: body)
    }

    @Test("json mode: the upstream JSON comes back; the tenant key is injected per auth_mode; caller headers are filtered")
    func jsonMode() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let response = try await invoke(gateway, "elevenlabs", "list-voices",
                                        #"{"headers":{"Accept-Language":"fr","xi-api-key":"caller-override","Authorization":"x"},"query":{"show_legacy":true}}"#)
        #expect(response.status == 200)
        #expect(response.json["voices"]?[0]?["voice_id"] == "v1")
        let seen = try #require(provider.requests.last)
        #expect(seen.headers["xi-api-key"] == Self.tenantKey)
        #expect(seen.headers["Accept-Language"] == "fr")
        #expect(seen.headers["Authorization"] == nil)
        #expect(seen.target == "/v1/voices?show_legacy=true")
        #expect(!response.text.contains(Self.tenantKey))
        await gateway.stop()
        await provider.stop()
    }

    @Test("binary and stream modes relay the upstream bytes with its content type; path params are escaped")
    func binaryAndStream() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let binary = try await invoke(gateway, "elevenlabs", "tts", #"{"path_params":{"voice_id":"v 1"},"body":{"text":"hi"}}"#)
        #expect(binary.status == 200)
        #expect(binary.headers["content-type"] == "audio/mpeg")
        #expect(Array(binary.body) == Self.audio)
        #expect(provider.requests.last?.body == Array(#"{"text":"hi"}"#.utf8))
        let streamed = try await invoke(gateway, "elevenlabs", "tts", #"{"path_params":{"voice_id":"v1"},"body":{"text":"hi"},"stream":true}"#)
        #expect(streamed.status == 200)
        #expect(Array(streamed.body) == Self.audio)
        #expect(provider.requests.last?.target == "/v1/text-to-speech/v1/stream")
        await gateway.stop()
        await provider.stop()
    }

    @Test("bad invocations get a clear 4xx in the documented shape", arguments: [
        ("elevenlabs", "tts", #"{"body":{"text":"hi"}}"#, 400, "voice_id"),
        ("elevenlabs", "nope", "{}", 404, "Endpoint 'nope'"),
        ("nope", "tts", "{}", 404, "Service 'nope'"),
        ("elevenlabs", "tts", #"{"path_params":{"voice_id":"v"},"body":"text"}"#, 400, "body must be"),
        ("elevenlabs", "list-voices", #"{"query":[1]}"#, 400, "query must be an object"),
        ("elevenlabs", "list-voices", #"{"bogus":1}"#, 400, "unknown field 'bogus'"),
        ("elevenlabs", "list-voices", #"{"body":{"a":1}}"#, 400, "takes no body"),
        ("heygen", "upload-asset", "{}", 400, "exactly one entry in files"),
        ("elevenlabs", "list-voices", #"{"stream":true}"#, 400, "does not support streaming"),
    ] as [(String, String, String, Int, String)])
    func badInvocations(_ service: String, _ action: String, _ body: String, _ status: Int, _ message: String) async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let response = try await invoke(gateway, service, action, body)
        #expect(response.status == status)
        #expect(response.json["error"]?.stringValue?.contains(message) == true, "\(response.text)")
        await gateway.stop()
        await provider.stop()
    }

    @Test("upstream 4xx passes through with its body; 5xx is 502; no answer is 504; no server is 502")
    func upstreamErrors() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let unauthorized = try await invoke(gateway, "elevenlabs", "list-models")
        #expect(unauthorized.status == 401)
        #expect(unauthorized.json["detail"]?["status"] == "invalid_api_key")
        let failing = try await invoke(gateway, "heygen", "list-avatars")
        #expect(failing.status == 502)
        #expect(failing.json["upstream_status"] == 503)
        _ = try await gateway.request("PATCH", "/admin/proxy/services/heygen", headers: gateway.admin,
                                      body: #"{"default_timeout_seconds":1}"#)
        let slow = try await invoke(gateway, "heygen", "remaining-quota")
        #expect(slow.status == 504)
        await provider.stop()
        let gone = try await invoke(gateway, "elevenlabs", "list-voices")
        #expect(gone.status == 502)
        #expect(gone.json["error"]?.stringValue?.contains("could not be reached") == true)
        await gateway.stop()
    }

    @Test("disabled services and endpoints are refused")
    func disabled() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        _ = try await gateway.request("PATCH", "/admin/proxy/services/elevenlabs/endpoints/list-voices", headers: gateway.admin,
                                      body: #"{"is_enabled":false}"#)
        #expect(try await invoke(gateway, "elevenlabs", "list-voices").status == 403)
        _ = try await gateway.request("PATCH", "/admin/proxy/services/heygen", headers: gateway.admin, body: #"{"is_enabled":false}"#)
        let heygen = try await invoke(gateway, "heygen", "list-voices")
        #expect(heygen.status == 403)
        #expect(heygen.json["error"] == "Service 'heygen' is disabled")
        await gateway.stop()
        await provider.stop()
    }

    @Test("a HeyGen render is recorded as a job with the platform key, and polling advances it")
    func jobs() async throws {
        let provider = try Self.provider()
        let gateway = try await Self.start(provider)
        let submitted = try await invoke(gateway, "heygen", "generate-video", #"{"body":{"video_inputs":[]}}"#)
        #expect(submitted.status == 200)
        #expect(provider.requests.last?.headers["X-Api-Key"] == Self.platformKey)
        let jobID = try #require(submitted.headers["x-switchboard-job-id"])
        let polled = try await invoke(gateway, "heygen", "video-status", #"{"query":{"video_id":"vid_123"}}"#)
        #expect(polled.json["data"]?["status"] == "completed")
        #expect(polled.headers["x-switchboard-job-id"] == jobID)
        let row = try await gateway.sqlite().read { connection in
            try connection.queryOne("SELECT status, upstream_id FROM upstream_jobs WHERE id = ?", [.text(jobID)])
        }
        #expect(try row?.string("status") == "completed")
        #expect(try row?.string("upstream_id") == "vid_123")
        await gateway.stop()
        await provider.stop()
    }
}

extension HTTPBody {
    /// A stream of fixed chunks (test helper).
    static func chunksStreamForTests(_ chunks: [[UInt8]]) -> HTTPBodyStream {
        HTTPBodyStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
    }
}
