import Conformance
import Foundation
import Gateway
import MockUpstream

/// `switchboard bench suite`: times the whole conformance suite against the in-process gateway and mock upstream
/// (issue #5's target: under 5 s), run after run, with the median.
enum SuiteBenchmarkCommand: Subcommand {
    static let name = "bench suite"
    static let summary = "Time every contract and scenario against the in-process gateway (target: under 5 s)."

    static let runs = OptionSpec(name: "runs", valueName: "N", environmentVariable: nil,
                                 help: "Timed runs, each on a fresh gateway. Default 3.")
    static let concurrency = OptionSpec(name: "concurrency", valueName: "N", environmentVariable: nil,
                                        help: "Concurrent cases at once. Default 8.")
    static let contracts = OptionSpec(name: "contracts", valueName: "DIR", environmentVariable: nil,
                                      help: "Contracts folder. Default Contracts.")
    static let scenarios = OptionSpec(name: "scenarios", valueName: "DIR", environmentVariable: nil,
                                      help: "Scenarios folder. Default Scenarios.")
    static let recordings = OptionSpec(name: "recordings", valueName: "DIR", environmentVariable: "SWITCHBOARD_RECORDINGS",
                                       help: "Recordings for the mock upstream. Default Recordings.")
    static let options = [runs, concurrency, contracts, scenarios, recordings]
    /// The target the issue sets for the whole suite.
    static let target: Duration = .seconds(5)

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let count = try arguments.integer(runs, default: 3, in: 1...100)
        let suite = try ConformanceSuite.load(contractsDirectory: arguments.value(contracts) ?? "Contracts",
                                              scenariosDirectory: arguments.value(scenarios) ?? "Scenarios")
        let mock = try await MockUpstream.start(recordingsDirectory: arguments.value(recordings) ?? "Recordings",
                                                options: .init(speed: 0))
        let concurrent = try arguments.integer(concurrency, default: 8, in: 1...256)
        var durations: [Duration] = []
        var allPassed = true
        var slowest: [CaseResult] = []
        for run in 1...count {
            let gateway = try await EmbeddedGateway.start(upstreams: UpstreamDirectory.mock(baseURL: mock.baseURL))
            let profile = try Profile(json: gateway.profile(mockBaseURL: mock.baseURL), file: "embedded gateway")
            let report = try await ConformanceRunner(suite: suite, profile: profile,
                                                     options: RunnerOptions(concurrency: concurrent)).run()
            await gateway.stop()
            mock.reset()
            durations.append(report.duration)
            slowest = Array(report.results.sorted { $0.duration > $1.duration }.prefix(5))
            allPassed = allPassed && report.passed
            let counts = report.counts
            say("run \(run): \(format(report.duration)) for \(report.results.count) cases and scenarios "
                + "(\(counts.passed) passed, \(counts.failed) failed, \(counts.skipped) skipped)")
        }
        await mock.stop()
        let median = durations.sorted()[durations.count / 2]
        say("slowest in the last run (scenarios and non-concurrent cases run one at a time):")
        for result in slowest { say("  \(format(result.duration))  \(result.id)") }
        say("median \(format(median)) over \(count) run(s); target under \(format(target)): "
            + (median < target ? "met" : "NOT met"))
        return allPassed ? 0 : 1
    }

    private static func format(_ duration: Duration) -> String { String(format: "%.2f s", duration.seconds) }
}
