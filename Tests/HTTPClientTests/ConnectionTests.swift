import HTTPCore
import Testing
@testable import HTTPClient

@Suite("Connections")
struct ConnectionTests {
    @Test("Sequential requests reuse one keep-alive connection")
    func reuse() async throws {
        try await withServer { server, client in
            for index in 0..<50 {
                let response = try await client.send(HTTPClientRequest(
                    method: .post, url: server.url("/echo"), body: .bytes(Array("request \(index)".utf8))))
                #expect(try await response.collect() == Array("request \(index)".utf8))
            }
            #expect(client.metrics.connectionsOpened.load(ordering: .relaxed) == 1)
        }
    }

    @Test("50 requests in parallel all complete with their own bodies")
    func concurrent() async throws {
        try await withServer { server, client in
            let results = try await withThrowingTaskGroup(of: (Int, [UInt8], String?).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let response = try await client.send(HTTPClientRequest(
                            method: .post, url: server.url("/echo?i=\(index)"),
                            body: .json(#"{"index":\#(index)}"#)))
                        return (index, try await response.collect(), response.headers["X-Echo-Target"])
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = ($1.1, $1.2) }
            }
            #expect(results.count == 50)
            for (index, result) in results {
                #expect(result.0 == Array(#"{"index":\#(index)}"#.utf8))
                #expect(result.1 == "/echo?i=\(index)")
            }
            #expect(client.metrics.activeTransfers.load(ordering: .relaxed) == 0)
            #expect(client.metrics.connectionsOpened.load(ordering: .relaxed) <= 50)
        }
    }

    @Test("Large and small bodies interleave on reused connections")
    func mixedSizes() async throws {
        try await withServer { server, client in
            for size in [0, 1, 70_000, 5, 1 << 20, 3] {
                let response = try await client.send(HTTPClientRequest(url: server.url("/bytes?count=\(size)")))
                #expect(try await response.collect() == TestRoutes.pattern(size))
            }
            #expect(client.metrics.connectionsOpened.load(ordering: .relaxed) == 1)
        }
    }

    @Test("URLSession and HTTPClient timings are printed (nothing is asserted about time)")
    func benchmark() async throws {
        try await withServer { server, _ in
            let result = try await OutboundBenchmark.run(url: server.url("/status/200"), requests: 500)
            print("OutboundBenchmark: \(result)")
            #expect(result.urlSessionMilliseconds > 0 && result.httpClientMilliseconds > 0)
        }
    }
}
