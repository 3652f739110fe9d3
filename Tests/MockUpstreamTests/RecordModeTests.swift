import Foundation
import HTTPClient
import HTTPCore
import HTTPServer
import JSONSchema
import Testing
@testable import MockUpstream

/// Record mode end to end: a local server stands in for the provider, the proxy records through it, the files
/// hold no secret, and the mock replays them identically (with other keys).
@Suite("Record mode")
struct RecordModeTests {
    static let secrets = ["sk-live-SECRET123", "querySECRET", "formSECRET", "cookieSECRET", "bodySECRET",
                          "9f8e7d6c5b4a39281706f5e4d3c2b1a0ZZ9f8e7d6c5b4a3"]

    /// A provider stand-in: JSON, SSE with delays, a query key, a form body with a token, a Set-Cookie, a webhook
    /// token in the path.
    static func standIn() throws -> HTTPServer {
        var routes = RouterBuilder()
        routes.post("/v1/chat/completions") { request in
            guard request.headers["Authorization"] == "Bearer sk-live-SECRET123" else {
                return .json(#"{"error":{"message":"bad key","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
                             status: .unauthorized)
            }
            let body = try JSONValue(parsing: request.bodyBytes)
            if body["stream"] == true {
                let events = ["data: {\"n\":1}\n\n", "data: {\"n\":2}\n\n", "data: {\"n\":3}\n\n", "data: [DONE]\n\n"]
                let stream = HTTPBodyStream { continuation in
                    Task {
                        for event in events {
                            try? await Task.sleep(for: .milliseconds(40))
                            continuation.yield(Array(event.utf8))
                        }
                        continuation.finish()
                    }
                }
                return .stream(stream, contentType: "text/event-stream")
            }
            return .json(#"{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini","choices":[]}"#,
                         headers: ["Set-Cookie": "__cf_bm=cookieSECRET; path=/; HttpOnly", "x-request-id": "req_1"])
        }
        routes.get("/v1/models") { request in
            .json(#"{"object":"list","data":[{"id":"m","object":"model","created":1,"owned_by":"o"}],"key":"\#(request.query("key") ?? "")"}"#)
        }
        routes.post("/v1/forms") { request in
            .text("ok: " + (FormURLEncoding.decode(String(decoding: request.bodyBytes, as: UTF8.self)).first { $0.name == "name" }?.value ?? ""))
        }
        routes.post("/api/webhooks/{id}/{token}") { request in
            HTTPResponse(status: .noContent)
        }
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: 1, log: { _ in }),
                                responder: routes.build())
        try server.start()
        return server
    }

    /// The exchanges, sent to a base URL with the given key.
    static func exchanges(_ base: String, key: String) async throws -> [TestHTTP.Reply] {
        let auth: HTTPHeaders = ["Authorization": "Bearer \(key)", "Cookie": "session=cookieSECRET"]
        return [
            try await TestHTTP.post(base + "/v1/chat/completions", json: #"{"model":"gpt-4o-mini","messages":[],"api_key":"bodySECRET"}"#,
                                    headers: auth),
            try await TestHTTP.post(base + "/v1/chat/completions", json: #"{"model":"gpt-4o-mini","stream":true,"messages":[]}"#,
                                    headers: auth),
            try await TestHTTP.send(.get, base + "/v1/models?key=querySECRET&limit=2", headers: auth),
            try await TestHTTP.send(.post, base + "/v1/forms", headers: auth, body: .form([("name", "n1"), ("token", "formSECRET")])),
            try await TestHTTP.send(.post, base + "/api/webhooks/123/9f8e7d6c5b4a39281706f5e4d3c2b1a0ZZ9f8e7d6c5b4a3",
                                    body: .json(#"{"content":"x"}"#)),
        ]
    }

    @Test("recording through the proxy writes redacted files that replay identically")
    func recordAndReplay() async throws {
        let provider = try Self.standIn()
        defer { Task { await provider.shutdownGracefully(gracePeriod: .milliseconds(100)) } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mock-record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let proxy = try await RecordingProxy.start(provider: .openai, target: provider.baseURL + "/",
                                                   outputDirectory: directory.appendingPathComponent("openai").path)
        let recorded = try await Self.exchanges(proxy.baseURL + "/openai", key: "sk-live-SECRET123")
        await proxy.waitUntilIdle()
        await proxy.stop()
        #expect(recorded.map(\.status) == [200, 200, 200, 200, 204])
        #expect(recorded[1].text.hasSuffix("data: [DONE]\n\n"))
        #expect(proxy.writtenFiles.count == 5)

        for file in proxy.writtenFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for secret in Self.secrets { #expect(!text.contains(secret), "\(file) holds \(secret)") }
        }
        let streamFile = try #require(proxy.writtenFiles.first { $0.hasSuffix("post-v1-chat-completions-2.json") })
        let stream = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: streamFile)))
        let chunks = try #require(stream.at(pointer: "/recordings/0/response/chunks")?.arrayValue)
        #expect(chunks.count == 4, "one chunk per SSE event")
        let totalDelay = chunks.compactMap { $0["delayMs"]?.doubleValue }.reduce(0, +)
        #expect(totalDelay >= 20, "chunk timing recorded (the stand-in spaces its events)")

        let mock = try await MockUpstream.start(recordingsDirectory: directory.path, options: .init(speed: 0))
        defer { Task { await mock.stop() } }
        let replayed = try await Self.exchanges(mock.baseURL(for: .openai), key: "sk-live-OTHERKEY")
        #expect(mock.journal.unmatched.isEmpty, "\(mock.journal.unmatched.map(\.path))")
        for (original, replay) in zip(recorded, replayed) {
            #expect(replay.status == original.status)
            let expected = original.text.replacingOccurrences(of: "querySECRET", with: "<redacted>")
            #expect(replay.text == expected, "a secret echoed in a response is scrubbed; everything else is identical")
            #expect(replay.headers["Content-Type"] == original.headers["Content-Type"])
        }
        #expect(replayed[0].headers["Set-Cookie"] == "__cf_bm=<redacted>")
        let mismatch = try await TestHTTP.send(.get, mock.baseURL(for: .openai) + "/v1/models?limit=3",
                                               headers: ["Authorization": "Bearer sk-live-X"])
        #expect(mismatch.status == 404, "a recorded query is matched exactly")
    }

    @Test("header shapes keep the scheme and key prefix, never the key",
          arguments: [("Bearer sk-proj-abc123", #"^Bearer sk-proj-\S+$"#), ("Bearer sk_test_4eC39", #"^Bearer sk_test_\S+$"#),
                      ("Bot MTk4NjIy.Cl2FMQ", #"^Bot \S+$"#), ("0123abcd", #"^\S+$"#), ("Bearer xoxb-1-2", #"^Bearer xoxb-\S+$"#)])
    func shapes(_ value: String, _ pattern: String) throws {
        #expect(Redactor.shapePattern(of: value) == pattern)
        #expect(try CompiledRegex(pattern).matches(value))
    }
}
