import Foundation
import Gateway
import HTTPServer
import MockUpstream
import Testing

@testable import Conformance

/// The repository's contracts against the real gateway, in process, for the surfaces that exist so far.
@Suite("Contracts against the in-process gateway")
struct GatewayConformanceTests {
    /// Surfaces with contracts today; each surface's issue adds its own terms.
    static let built = "platform,ai-proxy,integrations,automation,callables,agents"

    @Test("every selected contract case and scenario passes against Switchboard")
    func gatewayPasses() async throws {
        let recordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings").path
        let mock = try await MockUpstream.start(recordingsDirectory: recordings, options: .init(speed: 0))
        let gateway = try await EmbeddedGateway.start(upstreams: UpstreamDirectory.mock(baseURL: mock.baseURL))
        let profile = try Profile(json: gateway.profile(mockBaseURL: mock.baseURL), file: "profile-out")
        let report = try await ConformanceRunner(
            suite: try repositorySuite(), profile: profile,
            options: RunnerOptions(selection: Selection(Self.built))
        ).run()
        await gateway.stop()
        await mock.stop()
        let counts = report.counts, total = report.results.count, passed = report.passed
        #expect(passed, "\(ConsoleReport.render(report))")
        #expect(counts.failed == 0)
        #expect(counts.passed + counts.skipped == total && counts.passed >= 300)
        #expect(counts.skipped == 0, "nothing is skipped against Switchboard")
    }
}
