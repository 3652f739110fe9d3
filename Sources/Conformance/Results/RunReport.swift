import Foundation

/// Passed, failed and skipped counts for one surface, with its endpoints that have no contract.
public struct SurfaceTally: Sendable, Equatable {
    /// The surface.
    public var surface: String
    /// Case and scenario counts.
    public var passed = 0, failed = 0, skipped = 0
    /// Selected endpoints of this surface, and those without a contract.
    public var endpoints = 0, endpointsWithoutContract = 0
}

/// Everything one run found: each case's and scenario's result, and the coverage of the selected endpoints.
public struct RunReport: Sendable {
    /// The implementation under test.
    public var baseURL: String
    /// The `--only` terms.
    public var selection: String
    /// When the run started.
    public var startedAt: Date
    /// How long it took.
    public var duration: Duration
    /// Results, in the order cases and scenarios were listed.
    public var results: [CaseResult]
    /// Coverage of every selected manifest endpoint.
    public var coverage: [EndpointCoverage]

    /// Creates a report.
    public init(
        baseURL: String, selection: String, startedAt: Date, duration: Duration, results: [CaseResult],
        coverage: [EndpointCoverage]
    ) {
        self.baseURL = baseURL
        self.selection = selection
        self.startedAt = startedAt
        self.duration = duration
        self.results = results
        self.coverage = coverage
    }

    /// Selected endpoints with no contract.
    public var endpointsWithoutContract: [EndpointCoverage] { coverage.filter { $0.contract == nil } }

    /// True when nothing failed and every selected endpoint has a contract.
    public var passed: Bool { !results.contains { $0.outcome == .failed } && endpointsWithoutContract.isEmpty }

    /// Counts of every outcome.
    public var counts: (passed: Int, failed: Int, skipped: Int) {
        results.reduce(into: (0, 0, 0)) { counts, result in
            switch result.outcome {
            case .passed: counts.0 += 1
            case .failed: counts.1 += 1
            case .skipped: counts.2 += 1
            }
        }
    }

    /// One tally per surface, sorted by name.
    public var surfaces: [SurfaceTally] {
        var tallies: [String: SurfaceTally] = [:]
        for result in results {
            var tally = tallies[result.surface] ?? SurfaceTally(surface: result.surface)
            switch result.outcome {
            case .passed: tally.passed += 1
            case .failed: tally.failed += 1
            case .skipped: tally.skipped += 1
            }
            tallies[result.surface] = tally
        }
        for entry in coverage {
            var tally = tallies[entry.endpoint.surface] ?? SurfaceTally(surface: entry.endpoint.surface)
            tally.endpoints += 1
            if entry.contract == nil { tally.endpointsWithoutContract += 1 }
            tallies[entry.endpoint.surface] = tally
        }
        return tallies.values.sorted { $0.surface < $1.surface }
    }
}
