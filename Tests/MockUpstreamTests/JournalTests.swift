import Foundation
import HTTPCore
import JSONSchema
import Testing
@testable import MockUpstream

/// The journal records every request; tests query it through the Swift API and the admin API's fixed shape.
@Suite("Journal and admin API")
struct JournalTests {
    @Test("the Swift API: count, last, filters, bodies as JSON and form, unmatched, reset")
    func swiftAPI() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        _ = try await TestHTTP.post(mock.baseURL(for: .slack) + "/api/chat.postMessage", json: #"{"channel":"C1","text":"hi"}"#,
                                    headers: ["Authorization": "Bearer xoxb-1"])
        _ = try await TestHTTP.send(.post, mock.baseURL(for: .stripe) + "/v1/customers",
                                    headers: ["Authorization": "Bearer sk_test_1"], body: .form([("email", "a@b.c")]))
        _ = try await TestHTTP.send(.get, mock.baseURL(for: .slack) + "/api/nothing.here",
                                    headers: ["Authorization": "Bearer xoxb-1"])
        #expect(mock.journal.count == 3)
        let posts = mock.journal.entries(provider: .slack, method: .post, path: "/api/chat.postMessage")
        #expect(posts.count == 1)
        #expect(posts.first?.json?["channel"] == "C1")
        #expect(posts.first?.field("channel") == "C1")
        #expect(posts.first?.recording == "slack.chat.postMessage")
        let stripe = try #require(mock.journal.entries(provider: .stripe).first)
        #expect(stripe.field("email") == "a@b.c")
        #expect(stripe.status == 200)
        #expect(mock.journal.last?.path == "/api/nothing.here")
        #expect(mock.journal.unmatched.map(\.path) == ["/api/nothing.here"])
        mock.reset()
        #expect(mock.journal.count == 0)
    }

    @Test("GET /_mock/journal answers the fixed shape, filtered by provider, method, path and unmatched")
    func adminJournal() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        _ = try await TestHTTP.post(mock.baseURL(for: .openai) + "/v1/chat/completions?a=1",
                                    json: #"{"model":"gpt-4o","messages":[]}"#, headers: ["Authorization": "Bearer sk-1"])
        _ = try await TestHTTP.send(.get, mock.baseURL(for: .openai) + "/v1/models", headers: ["Authorization": "Bearer sk-1"])
        _ = try await TestHTTP.send(.get, mock.baseURL(for: .openai) + "/v1/nope", headers: ["Authorization": "Bearer sk-1"])
        let reply = try await TestHTTP.send(
            .get, mock.baseURL + "/_mock/journal?provider=openai&method=POST&path=/v1/chat/completions")
        let entries = try #require(reply.json?["entries"]?.arrayValue)
        #expect(entries.count == 1)
        let entry = try #require(entries.first?.objectValue)
        #expect(entry.keys == ["id", "receivedAt", "provider", "method", "path", "query", "headers", "body", "form",
                               "bodyBase64", "recording", "status"])
        #expect(entry["id"] == 1)
        #expect(entry["provider"] == "openai")
        #expect(entry["method"] == "POST")
        #expect(entry["path"] == "/v1/chat/completions")
        #expect(entry["query"] == "a=1")
        #expect(entry["headers"]?["Authorization"] == "Bearer sk-1")
        #expect(entry["body"]?["model"] == "gpt-4o")
        #expect(entry["form"] == .null)
        #expect(entry["recording"] == "openai.chat.default")
        #expect(entry["status"] == 200)
        let encoded = try #require(entry["bodyBase64"]?.stringValue)
        #expect(Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } == #"{"model":"gpt-4o","messages":[]}"#)
        let stamp = try #require(entry["receivedAt"]?.stringValue)
        #expect(ISO8601DateFormatter.withFraction.date(from: stamp) != nil, "\(stamp)")
        let unmatched = try await TestHTTP.send(.get, mock.baseURL + "/_mock/journal?unmatched=true")
        #expect(unmatched.json?.at(pointer: "/entries/0/path") == "/v1/nope")
        #expect(unmatched.json?.at(pointer: "/entries/0/recording") == .null)
        #expect(unmatched.json?["entries"]?.arrayValue?.count == 1)
        #expect(try await TestHTTP.send(.delete, mock.baseURL + "/_mock/journal").status == 204)
        #expect(mock.journal.count == 0)
    }

    @Test("POST /_mock/reset clears journal, scenarios and faults; GET /_mock/recordings lists every recording")
    func resetAndRecordings() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        mock.setScenario("heygen-video", state: "completed")
        try mock.armFault("status=500")
        _ = try await TestHTTP.send(.get, mock.baseURL(for: .heygen) + "/v2/avatars", headers: ["X-Api-Key": "k"])
        #expect(try await TestHTTP.send(.post, mock.baseURL + "/_mock/reset").status == 204)
        #expect(mock.journal.count == 0)
        #expect(mock.scenarioState("heygen-video") == "started")
        #expect(try await TestHTTP.send(.get, mock.baseURL(for: .heygen) + "/v2/avatars", headers: ["X-Api-Key": "k"]).status == 200)
        let listed = try await TestHTTP.send(.get, mock.baseURL + "/_mock/recordings")
        let recordings = try #require(listed.json?["recordings"]?.arrayValue)
        #expect(recordings.count == mock.recordings.count)
        let chat = try #require(recordings.first { $0["id"] == "openai.chat.default" })
        #expect(chat["provider"] == "openai")
        #expect(chat["operation"] == "createChatCompletion")
    }
}

extension ISO8601DateFormatter {
    /// A parser for timestamps with fractional seconds.
    static var withFraction: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
