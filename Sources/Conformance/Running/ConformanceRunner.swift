import Foundation
import HTTPClient

/// How a run goes: what it selects, how many requests are in flight, how long one may take.
public struct RunnerOptions: Sendable {
    /// What to run (`--only`).
    public var selection: Selection
    /// How many concurrent cases run at once.
    public var concurrency: Int
    /// The total time one request may take.
    public var requestTimeout: Duration
    /// Overrides the profile's `baseURL`.
    public var baseURL: String?
    /// Where scenarios' webhook receiver listens and what address `{{webhookURL}}` gives the implementation.
    public var callback: CallbackAddress

    /// Creates options.
    public init(
        selection: Selection = .all, concurrency: Int = 8, requestTimeout: Duration = .seconds(15),
        baseURL: String? = nil, callback: CallbackAddress = CallbackAddress()
    ) {
        self.selection = selection
        self.concurrency = max(1, concurrency)
        self.requestTimeout = requestTimeout
        self.baseURL = baseURL
        self.callback = callback
    }
}

/// Where a run is, after each finished case or scenario.
public struct RunProgress: Sendable {
    /// Finished and total cases and scenarios.
    public var done: Int, total: Int
    /// Outcomes so far.
    public var passed: Int, failed: Int, skipped: Int
    /// The one that just finished.
    public var latest: String
}

/// A run that cannot start (no base URL, no webhook receiver).
public struct RunnerError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
}

/// Runs a suite's selected contract cases and scenarios against one implementation and reports coverage.
public struct ConformanceRunner: Sendable {
    /// The suite.
    public let suite: ConformanceSuite
    /// The implementation's profile.
    public let profile: Profile
    /// The options.
    public let options: RunnerOptions

    /// Creates a runner.
    public init(suite: ConformanceSuite, profile: Profile, options: RunnerOptions = RunnerOptions()) {
        self.suite = suite
        self.profile = profile
        self.options = options
    }

    /// Runs concurrent cases `options.concurrency` at a time, then the others and the scenarios one by one.
    public func run(
        progress: @escaping @Sendable (RunProgress) -> Void = { _ in }
    ) async throws(RunnerError) -> RunReport {
        guard let baseURL = options.baseURL ?? profile.baseURL else {
            throw RunnerError(description: "no base URL: pass --base-url or set baseURL in the profile")
        }
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let plan = RunPlan(suite: suite, selection: options.selection)
        var receiver: WebhookReceiver?
        if plan.items.contains(where: \.isScenario) {
            do {
                receiver = try WebhookReceiver(address: options.callback)
            } catch {
                throw RunnerError(description: "cannot start the webhook receiver: \(error)")
            }
        }
        let client = HTTPClient()
        let environment = RunEnvironment(
            profile: profile, baseURL: baseURL, client: client, timeout: options.requestTimeout,
            receiver: receiver)
        let results = await execute(plan.items, in: environment, progress: progress)
        client.shutdown()
        await receiver?.shutdown()
        let coverage = EndpointCoverage.compute(endpoints: plan.endpoints, contracts: suite.contracts, results: results)
        return RunReport(
            baseURL: baseURL, selection: options.selection.description, startedAt: startedAt,
            duration: clock.now - start, results: results, coverage: coverage)
    }

    private func execute(
        _ items: [WorkItem], in environment: RunEnvironment,
        progress: @escaping @Sendable (RunProgress) -> Void
    ) async -> [CaseResult] {
        var results = [CaseResult?](repeating: nil, count: items.count)
        var tally = RunProgress(done: 0, total: items.count, passed: 0, failed: 0, skipped: 0, latest: "")
        func finished(_ index: Int, _ result: CaseResult) {
            results[index] = result
            tally.done += 1
            switch result.outcome {
            case .passed: tally.passed += 1
            case .failed: tally.failed += 1
            case .skipped: tally.skipped += 1
            }
            tally.latest = result.id
            progress(tally)
        }
        let concurrent = items.indices.filter { items[$0].concurrent }
        await withTaskGroup(of: (Int, CaseResult).self) { group in
            var pending = concurrent.makeIterator()
            for _ in 0..<options.concurrency {
                guard let index = pending.next() else { break }
                group.addTask { (index, await items[index].perform(in: environment)) }
            }
            for await (index, result) in group {
                finished(index, result)
                if let next = pending.next() { group.addTask { (next, await items[next].perform(in: environment)) } }
            }
        }
        for index in items.indices where !items[index].concurrent {
            finished(index, await items[index].perform(in: environment))
        }
        return results.compactMap { $0 }
    }
}
