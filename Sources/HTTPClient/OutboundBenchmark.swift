import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Times sequential small GETs through URLSession and through `HTTPClient` against the same server.
public enum OutboundBenchmark {
    /// Milliseconds per request for each client.
    public struct Result: Sendable, CustomStringConvertible {
        public let requests: Int
        public let urlSessionMilliseconds: Double
        public let httpClientMilliseconds: Double

        public var description: String {
            String(format: "%d sequential GETs: URLSession %.3f ms/request, HTTPClient (libcurl) %.3f ms/request",
                   requests, urlSessionMilliseconds, httpClientMilliseconds)
        }
    }

    /// A status other than 2xx from the benchmarked URL.
    public struct UnexpectedStatus: Error, Sendable {
        public let code: Int
    }

    /// Runs `requests` GETs of `url` with each client (one reused session, one client), after 20 to warm up.
    public static func run(url: String, requests: Int = 1000) async throws -> Result {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        guard let target = URL(string: url) else { throw HTTPClientError.invalidURL("not a URL") }
        let client = HTTPClient()
        defer { client.shutdown() }
        let request = HTTPClientRequest(url: url)
        let sessionTime = try await time(requests) {
            let (_, response) = try await session.data(from: target)
            let code = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(code) else { throw UnexpectedStatus(code: code) }
        }
        let clientTime = try await time(requests) {
            let response = try await client.send(request)
            _ = try await response.collect()
            guard (200..<300).contains(response.status.code) else { throw UnexpectedStatus(code: response.status.code) }
        }
        return Result(requests: requests, urlSessionMilliseconds: sessionTime, httpClientMilliseconds: clientTime)
    }

    /// Milliseconds per call of `body` over `count` calls, after 20 untimed ones.
    private static func time(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
        for _ in 0..<20 { try await body() }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count { try await body() }
        let elapsed = clock.now - start
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15) / Double(max(1, count))
    }
}
