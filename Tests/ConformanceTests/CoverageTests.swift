import Testing

@testable import Conformance

@Suite("Manifest coverage")
struct CoverageTests {
    /// A server where `/things` answers 200 with a list and everything else 404.
    static func run(_ suite: ConformanceSuite, only: String? = nil) async throws -> RunReport {
        let server = try TestServer { request in
            request.path == "/things" ? .body([["id": "t1"]]) : .body(["error": "not found"], status: .notFound)
        }
        let report = try await ConformanceRunner(
            suite: suite, profile: Profile(baseURL: server.baseURL),
            options: RunnerOptions(selection: Selection(only))
        ).run()
        await server.stop()
        return report
    }

    @Test("a selected endpoint without a contract fails the run even when every case passes")
    func missingContract() async throws {
        let suite = try loadSuite(files: [
            "list.json": thingsContract(#"[{"name": "lists", "expect": {"status": 200}}]"#)
        ])
        let report = try await Self.run(suite)
        #expect(report.counts.passed == 1 && report.counts.failed == 0)
        #expect(!report.passed)
        #expect(report.endpointsWithoutContract.map(\.endpoint.id) == ["t.get"])
        #expect(
            report.surfaces == [
                SurfaceTally(
                    surface: "things", passed: 1, failed: 0, skipped: 0, endpoints: 2,
                    endpointsWithoutContract: 1)
            ])
        #expect(ConsoleReport.render(report).contains("t.get   200– 404–  NO CONTRACT  GET /things/{id}"))
    }

    @Test("selecting only the covered endpoint passes; coverage shows which documented statuses have a case")
    func selected() async throws {
        let suite = try loadSuite(files: [
            "list.json": thingsContract(
                #"""
                [{"name": "lists", "expect": {"status": 200}},
                 {"name": "unknown filter", "request": {"path": "/things?x"}, "expect": {"status": 418}},
                 {"name": "later", "skip": "not built yet", "expect": {"status": 401}}]
                """#)
        ])
        let report = try await Self.run(suite, only: "t.list")
        #expect(report.coverage.count == 1)
        let statuses = try #require(report.coverage.first?.statuses)
        #expect(statuses.map(\.code) == [200, 401, 418])
        #expect(statuses.map(\.state) == ["passed", "skipped", "failed"])
        #expect(statuses.map(\.documented) == [true, true, false])
        #expect(report.coverage.first?.documentedWithCases == 2)
        #expect(!report.passed, "the 418 case fails: /things?x answers 200")
    }

    @Test("a status list accepts any of its codes, names them all when none matches, and credits the one answered")
    func statusAlternatives() async throws {
        let suite = try loadSuite(files: [
            "list.json": thingsContract(
                #"""
                [{"name": "either", "expect": {"status": [202, 200]}},
                 {"name": "neither", "request": {"path": "/things/x"}, "expect": {"status": [202, 200]}}]
                """#)
        ])
        let report = try await Self.run(suite, only: "t.list")
        #expect(report.result("list/either")?.outcome == .passed)
        #expect(report.result("list/either")?.expectedStatus == 200, "coverage credits the status that answered")
        let neither = try #require(report.result("list/neither"))
        #expect(neither.outcome == .failed)
        #expect(neither.mismatches.first?.message == "expected 202 or 200, got 404")
        let codes = report.coverage.first?.statuses.filter { $0.passed > 0 }.map(\.code)
        #expect(codes == [200])
        let errors = loadErrors(files: ["list.json": thingsContract(#"[{"name": "x", "expect": {"status": []}}]"#)])
        #expect(errors.contains { $0.description.contains("/cases/0/expect/status") }, "\(errors)")
    }

    @Test("--only terms select by surface, seed, endpoint id, tag, contract and case, with * wildcards")
    func selection() throws {
        let endpoint = ManifestEndpoint(
            id: "000.list-services", method: "GET", path: "/s/", seed: "000", section: "s",
            surface: "ai-proxy", statuses: [200])
        let contract = Contract(
            name: "ai-proxy/list-services", file: "f",
            endpoint: EndpointReference(
                method: "GET", path: "/s/", seed: "000", section: "s"), surface: "ai-proxy", tags: ["discovery"],
            cases: [])
        let item = ContractCase(name: "refuses", tags: ["error"], expect: Expectation(status: 401))
        for term in [
            "ai-proxy", "000", "000.list-services", "000.*", "*services", "error", "discovery",
            "ai-proxy/list-services",
            "ai-proxy/list-services/refuses", "ai-proxy/*/refuses", "other,000",
        ] {
            #expect(Selection(term).selects(item, of: contract, at: endpoint), "\(term)")
        }
        for term in ["001", "000.get-service", "tenancy", "ai-proxy/list", "refuses"] {
            #expect(!Selection(term).selects(item, of: contract, at: endpoint), "\(term)")
        }
        #expect(
            Selection("error").selects(item, of: contract, at: endpoint) && !Selection("error").selects(endpoint),
            "a tag selects cases, not endpoints, so coverage does not count")
        #expect(Selection(nil).selects(endpoint) && Selection(" , ").terms.isEmpty)
    }
}
