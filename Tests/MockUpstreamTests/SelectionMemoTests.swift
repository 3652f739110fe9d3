import Foundation
import HTTPCore
import Testing
@testable import MockUpstream

/// A remembered choice answers a repeated request exactly as matching would, and never hides a fault or a
/// different credential.
@Suite("Selection memo")
struct SelectionMemoTests {
    @Test("repeated GETs are answered alike and journaled each time; faults and other keys still apply")
    func repeated() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let url = mock.baseURL(for: .openai) + "/v1/models"
        let first = try await TestHTTP.send(.get, url, headers: ["Authorization": "Bearer sk-1"])
        let second = try await TestHTTP.send(.get, url, headers: ["Authorization": "Bearer sk-1"])
        #expect(first.status == 200)
        #expect(second.body == first.body)
        #expect(second.headers["x-request-id"] == first.headers["x-request-id"])
        #expect(mock.journal.entries(provider: .openai, path: "/v1/models").map(\.recording)
            == ["openai.models.list", "openai.models.list"])
        let faulted = try await TestHTTP.send(.get, url,
                                              headers: ["Authorization": "Bearer sk-1", "X-Mock-Fault": "status=503"])
        #expect(faulted.status == 503)
        let badKey = try await TestHTTP.send(.get, url, headers: ["Authorization": "Bearer nope"])
        #expect(badKey.status == 401)
        let noKey = try await TestHTTP.send(.get, url)
        #expect(noKey.status == 401)
        try mock.armFault("status=429", provider: .openai)
        #expect(try await TestHTTP.send(.get, url, headers: ["Authorization": "Bearer sk-1"]).status == 429)
        #expect(try await TestHTTP.send(.get, url, headers: ["Authorization": "Bearer sk-1"]).status == 200)
        let forced: HTTPHeaders = ["Authorization": "Bearer sk-1",
                                   "X-Mock-Recording": "openai.embeddings.missing-input"]
        for _ in 0..<2 { #expect(try await TestHTTP.send(.get, url, headers: forced).status == 400) }
        for _ in 0..<2 {
            let again = try await TestHTTP.send(.get, url,
                                                headers: ["Authorization": "Bearer sk-1", "X-Mock-Fault": "status=503"])
            #expect(again.status == 503)
        }
        #expect(mock.journal.entries(provider: .openai).last?.recording == "openai.models.list")
    }

    @Test("only requests without a body have a key, only providers without scenarios are remembered; bounded")
    func keys() throws {
        let set = RecordingSet(try RecordingLoader.load(directory: Repository.recordings))
        let get = HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models",
                                                    headers: ["Authorization": "Bearer sk-1"]))
        let key = try #require(set.memoLookup(get).key)
        #expect(String(decoding: key.bytes, as: UTF8.self).contains("Bearer sk-1"))
        let other = HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models",
                                                      headers: ["Authorization": "Bearer sk-2"]))
        let empty = HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models",
                                                      headers: ["Authorization": ""]))
        let none = HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models"))
        let keys = [key, set.memoLookup(other).key, set.memoLookup(empty).key, set.memoLookup(none).key]
            .compactMap { $0 }
        #expect(Set(keys).count == 4, "another value, an empty value and no field make other keys")
        let post = HTTPRequest(head: HTTPRequestHead(method: .post, target: "/openai/v1/embeddings"),
                               body: .bytes([0x7B]))
        #expect(set.memoLookup(post).key == nil)
        #expect(set.memoizes(.openai))
        #expect(!set.memoizes(.heygen), "HeyGen's video status is a scenario")
        let memo = SelectionMemo()
        let recording = try #require(set.recording(id: "openai.models.list"))
        let entry = SelectionMemo.Entry(response: try #require(ResponseBuilder.fixed(recording.response)),
                                        route: JournalRoute(provider: .openai, path: "/v1/models", query: nil,
                                                            recording: recording.id))
        for index in 0...SelectionMemo.limit {
            memo.remember(entry, for: .init(method: .get, target: "/\(index)", headers: [:], names: []))
        }
        #expect(memo.entry(for: .init(method: .get, target: "/\(SelectionMemo.limit)", headers: [:], names: [])) != nil)
        #expect(memo.entry(for: .init(method: .get, target: "/0", headers: [:], names: [])) == nil)
    }

    @Test("keys hold only what matching reads, without ambiguity: other headers share a key, smuggled fields do not")
    func keyContents() throws {
        let set = RecordingSet(try RecordingLoader.load(directory: Repository.recordings))
        func key(_ headers: HTTPHeaders) throws -> SelectionMemo.Key {
            try #require(set.memoLookup(HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models",
                                                                      headers: headers))).key)
        }
        let plain = try key(["Authorization": "Bearer sk-1"])
        #expect(try key(["Authorization": "Bearer sk-1", "X-Request-Id": "r-1", "traceparent": "00-ab"]) == plain)
        #expect(try key(["authorization": "Bearer sk-1"]) == plain)
        let smuggled = try key(["Authorization": "Bearer sk-1\r\nX-Mock-Fault: status=500"])
        let separate = try key(["Authorization": "Bearer sk-1", "X-Mock-Fault": "status=500"])
        #expect(smuggled != separate && smuggled != plain && separate != plain)
        #expect(try key(["Authorization": "Bearer sk-1", "X-Mock-Recording": "openai.models.list"]) != plain)
        var parser = HTTPRequestParser()
        parser.append(Array("GET /openai/v1/models HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer sk-1\r\n\r\n".utf8))
        guard case .head(let head) = try #require(try parser.next()) else { return }
        #expect(set.memoLookup(HTTPRequest(head: head)).key == plain, "a parsed head keys as a built one")
        let miss = set.memoLookup(HTTPRequest(head: head))
        #expect(miss.known == nil && miss.key == plain)
        let recording = try #require(set.recording(id: "openai.models.list"))
        let entry = SelectionMemo.Entry(response: try #require(ResponseBuilder.fixed(recording.response)),
                                        route: JournalRoute(provider: .openai, path: "/v1/models", query: nil,
                                                            recording: recording.id))
        set.memo.remember(entry, for: plain)
        let hit = set.memoLookup(HTTPRequest(head: head))
        #expect(hit.known === entry && hit.key == nil)
        #expect(set.memoLookup(HTTPRequest(head: HTTPRequestHead(method: .get, target: "/openai/v1/models"))).known
            == nil)
    }

    @Test("a remembered request is journaled with its own path and query; scenario providers are never remembered")
    func journalAndScenarios() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let models = mock.baseURL(for: .openai) + "/v1/models?limit=2"
        for _ in 0..<3 {
            #expect(try await TestHTTP.send(.get, models, headers: ["Authorization": "Bearer sk-1"]).status == 200)
        }
        let entries = mock.journal.entries(provider: .openai, path: "/v1/models")
        #expect(entries.map(\.query) == ["limit=2", "limit=2", "limit=2"])
        #expect(entries.map(\.recording) == Array(repeating: "openai.models.list", count: 3))
        let heygen: HTTPHeaders = ["X-Api-Key": "hg-key"]
        let generated = try await TestHTTP.post(mock.baseURL(for: .heygen) + "/v2/video/generate",
                                                json: #"{"video_inputs":[]}"#, headers: heygen)
        #expect(generated.status == 200)
        let status = mock.baseURL(for: .heygen) + "/v1/video_status.get?video_id=v1"
        var seen: [String] = []
        for _ in 0..<3 {
            let reply = try await TestHTTP.send(.get, status, headers: heygen)
            seen.append(String(decoding: reply.body, as: UTF8.self))
        }
        #expect(seen[0].contains("pending") && seen[1].contains("processing") && seen[2].contains("completed"),
                "each poll moves the scenario on: \(seen)")
    }
}
