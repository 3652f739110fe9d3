/// One contract case on one of its endpoint's paths.
struct ContractRun: Sendable {
    let contract: Contract
    let item: ContractCase
    /// The manifest endpoint of this path (the contract's own or an alias).
    let endpoint: ManifestEndpoint

    var isAlias: Bool { endpoint.path != contract.endpoint.path }
    var name: String { isAlias ? "\(item.name) @ \(endpoint.path)" : item.name }
    var id: String { contract.name + "/" + name }
    var tags: [String] {
        var tags = [contract.surface]
        for tag in contract.tags + item.tags where !tags.contains(tag) { tags.append(tag) }
        return tags
    }
}

extension RunEnvironment {
    /// Runs the setup steps, then the case's request, and checks the response.
    func run(_ run: ContractRun) async -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result = CaseResult(
            id: run.id, kind: .contractCase, surface: run.contract.surface, group: run.contract.name,
            name: run.name, endpointID: run.endpoint.id, expectedStatus: run.item.expect.status,
            tags: run.tags, outcome: .passed, skipReason: nil, mismatches: [], exchanges: [],
            duration: .zero, file: run.contract.file)
        if let reason = run.item.skip { return .skipped(result, reason: reason) }
        var context = TemplateContext(variables: variables)
        var outcome = StepOutcome()
        let plain = RequestBuilder(baseURL: baseURL)
        for step in run.item.setup where !outcome.stopped {
            if let wait = step.wait {
                await self.wait(wait, expect: step.expect, context: &context, step: step.id, into: &outcome)
            } else {
                await perform(
                    step.request, builder: plain, expect: step.expect, context: &context, step: step.id, into: &outcome)
            }
        }
        if !outcome.stopped {
            let builder = RequestBuilder(
                baseURL: baseURL, defaultHeaders: run.contract.defaultHeaders,
                defaultQuery: run.contract.defaultQuery)
            await perform(
                run.item.request, builder: builder, endpoint: (run.contract.endpoint.method, run.endpoint.path),
                expect: run.item.expect, context: &context, step: nil, into: &outcome)
        }
        result.exchanges = outcome.exchanges
        result.mismatches = outcome.mismatches
        result.duration = clock.now - start
        if let reason = outcome.skipReason { return .skipped(result, reason: reason) }
        result.outcome = outcome.mismatches.isEmpty ? .passed : .failed
        if result.outcome == .passed, let answered = outcome.exchanges.last?.response?.status,
           run.item.expect.alternativeStatuses.contains(answered) {
            result.expectedStatus = answered
        }
        return result
    }
}
