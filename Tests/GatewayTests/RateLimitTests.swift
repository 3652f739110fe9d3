import Foundation
import Gateway
import HTTPCore
import Testing

@Suite("Rate limits per key")
struct RateLimitTests {
    @Test("every guarded response carries the seed 002 headers and the IETF fields")
    func headers() async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let response = try await gateway.request("GET", "/test/orgs/demo/whoami",
                                                 headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"])
        #expect(response.headers["x-ratelimit-limit"] == "100")
        #expect(response.headers["x-ratelimit-remaining"] == "99")
        let reset = try #require(response.headers["x-ratelimit-reset"].flatMap(Int.init))
        let now = Int(Date().timeIntervalSince1970)
        #expect(reset > now - 1 && reset <= now + 60)
        #expect(response.headers["ratelimit-policy"] == "\"default\";q=100;w=60")
        #expect(response.headers["ratelimit"]?.hasPrefix("\"default\";r=99;t=") == true)
        let missing = try await gateway.request("GET", "/test/orgs/demo/writes")
        #expect(missing.status == 405 || missing.status == 401)
        await gateway.stop()
    }

    @Test("64 parallel clients on one key never get more than its limit admitted; the rest get 429 with Retry-After")
    func exactUnderConcurrency() async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let created = try await gateway.request("POST", "/admin/organizations/demo/keys", headers: gateway.admin,
                                                body: #"{"name":"limited","rateLimit":10}"#)
        let key = try #require(created.json["key"]?.stringValue)
        let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<64 {
                group.addTask {
                    let response = try await gateway.request("GET", "/test/orgs/demo/whoami", headers: ["X-API-Key": key])
                    return (response.status, response.headers["retry-after"])
                }
            }
            var all: [(Int, String?)] = []
            for try await result in group { all.append(result) }
            return all
        }
        let admitted = statuses.filter { $0.0 == 200 }.count
        let refused = statuses.filter { $0.0 == 429 }
        // A window boundary can fall inside the burst; then at most twice the limit is admitted, never more.
        #expect(admitted == 10 || (admitted > 10 && admitted <= 20))
        #expect(refused.count == 64 - admitted)
        #expect(refused.allSatisfy { $0.1.flatMap(Int.init).map { $0 >= 1 && $0 <= 60 } == true })
        await gateway.stop()
    }

    @Test("the window resets at the announced time")
    func windowReset() {
        let clock = TestClock(start: 1_800_000_020)
        let limiter = RateLimiter(defaultLimit: 2, clock: { clock.now })
        #expect(limiter.admit("k").allowed)
        #expect(limiter.admit("k").allowed)
        let refused = limiter.admit("k")
        #expect(!refused.allowed)
        #expect(refused.reset == 1_800_000_060)
        #expect(refused.secondsToReset == 40)
        #expect(limiter.admit("other").allowed)
        clock.advance(40)
        #expect(limiter.admit("k").allowed)
    }
}

/// A settable clock for limiter tests.
final class TestClock: Sendable {
    private let seconds: Mutex<TimeInterval>
    init(start: TimeInterval) { seconds = Mutex(start) }
    var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    func advance(_ by: TimeInterval) { seconds.withLock { $0 += by } }
}

import Synchronization
