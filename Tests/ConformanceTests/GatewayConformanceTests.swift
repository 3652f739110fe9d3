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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-conf-gw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let recordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Recordings").path
        let mock = try await MockUpstream.start(recordingsDirectory: recordings, options: .init(speed: 0))
        var options = Platform.Options(databasePath: directory.appendingPathComponent("g.sqlite").path,
                                       defaultRateLimit: 100_000, upstreams: UpstreamDirectory.mock(baseURL: mock.baseURL),
                                       breakerSettings: CircuitBreakers.Settings(failureThreshold: 5, openDuration: 1, successThreshold: 2))
        options.outboxPollInterval = .milliseconds(20)
        let platform = try await Platform.open(options)
        try await MockPlatformKeys.install(platform)
        let workers = try await GatewayApp.startWorkers(platform: platform)
        let credentials = try await DemoBootstrap.credentials(platform)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: 1, log: { _ in }),
            responder: GatewayApp.makeRouter(platform: platform))
        try server.start()
        let profile = try Profile(
            json: credentials.profile(baseURL: server.baseURL, mockBaseURL: mock.baseURL), file: "profile-out")
        let report = try await ConformanceRunner(
            suite: try repositorySuite(), profile: profile,
            options: RunnerOptions(selection: Selection(Self.built))
        ).run()
        await server.shutdownGracefully(gracePeriod: .milliseconds(200))
        workers.forEach { $0.cancel() }
        platform.outbox.stop()
        await mock.stop()
        let counts = report.counts, total = report.results.count, passed = report.passed
        #expect(passed, "\(ConsoleReport.render(report))")
        #expect(counts.failed == 0)
        #expect(counts.passed + counts.skipped == total && counts.passed >= 300)
        #expect(counts.skipped <= 2, "only the documented skips (an external MCP server)")
    }
}
