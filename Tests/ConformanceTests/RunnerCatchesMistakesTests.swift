import Testing

@testable import Conformance

/// The product's promise: the repository's contracts catch real mistakes in an implementation of the seeds.
@Suite("The runner against a deliberately wrong implementation")
struct RunnerCatchesMistakesTests {
    static let selection = Selection("platform,000.list-services,000.get-service,ai-proxy-discovery")

    /// Runs the repository's contracts for /healthz and seed 000 discovery against the double.
    static func run(_ mistake: DiscoveryDouble.Mistake?) async throws -> RunReport {
        let double = DiscoveryDouble(mistake: mistake)
        let server = try TestServer { request in double.respond(request) }
        let profile = Profile(baseURL: server.baseURL, variables: DiscoveryDouble.profileVariables)
        let report = try await ConformanceRunner(
            suite: try repositorySuite(), profile: profile,
            options: RunnerOptions(selection: selection)
        ).run()
        await server.stop()
        return report
    }

    @Test("a correct implementation passes every selected case, scenario and endpoint")
    func correct() async throws {
        let report = try await Self.run(nil)
        #expect(report.passed, "\(ConsoleReport.render(report))")
        #expect(report.counts.failed == 0 && report.counts.passed >= 12)
        #expect(report.coverage.map(\.endpoint.id) == ["switchboard.healthz", "000.list-services", "000.get-service"])
        #expect(report.result("scenario/ai-proxy-discovery")?.outcome == .passed)
    }

    @Test(
        "each mistake fails the case that documents the behaviour, saying what differed",
        arguments: [
            (
                DiscoveryDouble.Mistake.noAuthCheck, "ai-proxy/list-services/refuses a request without credentials",
                Mismatch(.status, "expected 401, got 200")
            ),
            (
                .missingField, "ai-proxy/get-service/describes ElevenLabs as documented",
                Mismatch(.schema, path: "", "must have required property 'credential_policy' (required)")
            ),
            (
                .wrongErrorShape, "ai-proxy/get-service/answers 404 for a service discovery does not list",
                Mismatch(.schema, path: "", "must have required property 'error' (required)")
            ),
            (
                .wrongSuccessStatus, "ai-proxy/list-services/lists ElevenLabs and HeyGen with Api-Key",
                Mismatch(.status, "expected 200, got 201")
            ),
        ])
    func mistakes(_ mistake: DiscoveryDouble.Mistake, _ caseID: String, _ expected: Mismatch) async throws {
        let report = try await Self.run(mistake)
        #expect(!report.passed)
        let result = try #require(report.result(caseID))
        #expect(result.outcome == .failed)
        #expect(result.mismatches.contains(expected), "got \(result.mismatches)")
        let exchange = try #require(result.exchanges.last)
        #expect(exchange.response != nil, "the report keeps the response that failed")
        #expect(!exchange.request.headers.contains { $0.value.contains(DiscoveryDouble.apiKey) }, "keys are redacted")
        #expect(report.coverage.contains { $0.statuses.contains { $0.state == "failed" } })
    }

    @Test("a mistake in the error path does not fail the success cases")
    func precise() async throws {
        let report = try await Self.run(.wrongErrorShape)
        let failed = report.results.filter { $0.outcome == .failed }.map(\.id)
        #expect(failed == ["ai-proxy/get-service/answers 404 for a service discovery does not list"])
    }
}
