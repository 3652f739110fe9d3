/// How one status code of one endpoint is covered.
public struct StatusCoverage: Sendable, Equatable {
    /// The status code.
    public var code: Int
    /// Whether the seed documents it for the endpoint.
    public var documented: Bool
    /// Cases expecting it that passed, failed and were skipped.
    public var passed: Int, failed: Int, skipped: Int

    /// `passed`, `failed`, `skipped` (only skipped cases), `missing` (documented, no case) or `undocumented`
    /// (a case expects a status the seed does not list; it passed).
    public var state: String {
        if failed > 0 { return "failed" }
        if passed > 0 { return documented ? "passed" : "undocumented" }
        if skipped > 0 { return "skipped" }
        return "missing"
    }
}

/// How one selected manifest endpoint is covered: whether a contract exists, and its statuses.
public struct EndpointCoverage: Sendable {
    /// The endpoint.
    public var endpoint: ManifestEndpoint
    /// The contract that checks it, if any (a run fails when a selected endpoint has none).
    public var contract: String?
    /// Documented statuses, plus any a case expects; ascending.
    public var statuses: [StatusCoverage]

    /// Documented statuses that have at least one case.
    public var documentedWithCases: Int {
        statuses.filter { $0.documented && $0.passed + $0.failed + $0.skipped > 0 }.count
    }

    /// Documented statuses.
    public var documentedCount: Int { statuses.filter(\.documented).count }

    /// Builds the coverage of `endpoints` from the contracts that name them and the results of their cases.
    static func compute(
        endpoints: [ManifestEndpoint], contracts: [Contract], results: [CaseResult]
    ) -> [EndpointCoverage] {
        endpoints.map { endpoint in
            let contract = contracts.first {
                $0.endpoint.method == endpoint.method
                    && ([$0.endpoint.path] + $0.endpoint.aliases).contains(endpoint.path)
            }
            var byCode: [Int: StatusCoverage] = [:]
            for code in endpoint.statuses {
                byCode[code] = StatusCoverage(code: code, documented: true, passed: 0, failed: 0, skipped: 0)
            }
            for result in results where result.endpointID == endpoint.id {
                guard let code = result.expectedStatus else { continue }
                var entry =
                    byCode[code] ?? StatusCoverage(code: code, documented: false, passed: 0, failed: 0, skipped: 0)
                switch result.outcome {
                case .passed: entry.passed += 1
                case .failed: entry.failed += 1
                case .skipped: entry.skipped += 1
                }
                byCode[code] = entry
            }
            return EndpointCoverage(
                endpoint: endpoint, contract: contract?.file,
                statuses: byCode.values.sorted { $0.code < $1.code })
        }
    }
}
