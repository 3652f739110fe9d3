import HTTPCore
import Testing
@testable import MockUpstream

/// Scenarios are state machines across requests, and reset puts them back.
@Suite("Scenarios")
struct ScenarioTests {
    @Test("HeyGen: generate, then polls see pending → processing → completed; reset starts over")
    func heygenVideo() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let base = mock.baseURL(for: .heygen)
        let auth: HTTPHeaders = ["X-Api-Key": "k"]
        let generated = try await TestHTTP.post(base + "/v2/video/generate", json: #"{"video_inputs":[{}],"dimension":{"width":1280,"height":720}}"#,
                                                headers: auth)
        let videoID = try #require(generated.json?.at(pointer: "/data/video_id")?.stringValue)
        var seen: [String] = []
        for _ in 0..<4 {
            let poll = try await TestHTTP.send(.get, base + "/v1/video_status.get?video_id=\(videoID)", headers: auth)
            #expect(poll.json?.at(pointer: "/data/id")?.stringValue == videoID)
            seen.append(poll.json?.at(pointer: "/data/status")?.stringValue ?? "?")
        }
        #expect(seen == ["pending", "processing", "completed", "completed"])
        let done = try await TestHTTP.send(.get, base + "/v1/video_status.get?video_id=\(videoID)", headers: auth)
        #expect(done.json?.at(pointer: "/data/video_url")?.stringValue?.hasSuffix("\(videoID).mp4") == true)
        #expect(mock.scenarioState("heygen-video") == "completed")
        mock.reset()
        #expect(mock.scenarioState("heygen-video") == "started")
        let again = try await TestHTTP.send(.get, base + "/v1/video_status.get?video_id=\(videoID)", headers: auth)
        #expect(again.json?.at(pointer: "/data/status") == "pending")
    }

    @Test("Stripe: a customer is found only after it was created")
    func stripeCustomer() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let base = mock.baseURL(for: .stripe)
        let auth: HTTPHeaders = ["Authorization": "Bearer sk_test_123"]
        let before = try await TestHTTP.send(.get, base + "/v1/customers/cus_QXg1o8vcGmoR32", headers: auth)
        #expect(before.status == 404)
        #expect(before.json?.at(pointer: "/error/message") == "No such customer: 'cus_QXg1o8vcGmoR32'")
        let created = try await TestHTTP.send(.post, base + "/v1/customers", headers: auth, body: .form([("email", "a@b.c")]))
        let id = try #require(created.json?["id"]?.stringValue)
        let after = try await TestHTTP.send(.get, base + "/v1/customers/\(id)", headers: auth)
        #expect(after.status == 200)
        #expect(after.json?["object"] == "customer")
        let other = try await TestHTTP.send(.get, base + "/v1/customers/cus_other", headers: auth)
        #expect(other.status == 404)
    }

    @Test("scenario states can be read and set through the admin API")
    func adminScenarios() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let set = try await TestHTTP.send(.put, mock.baseURL + "/_mock/scenarios/heygen-video", body: .json(#"{"state":"completed"}"#))
        #expect(set.status == 204)
        let listed = try await TestHTTP.send(.get, mock.baseURL + "/_mock/scenarios")
        #expect(listed.json?.at(pointer: "/scenarios/heygen-video") == "completed")
        let poll = try await TestHTTP.send(.get, mock.baseURL(for: .heygen) + "/v1/video_status.get?video_id=v",
                                           headers: ["X-Api-Key": "k"])
        #expect(poll.json?.at(pointer: "/data/status") == "completed")
    }
}
