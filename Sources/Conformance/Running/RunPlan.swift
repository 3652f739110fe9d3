/// One thing a run does: a contract case on one path, or a scenario.
enum WorkItem: Sendable {
    case contractCase(ContractRun)
    case scenario(Scenario)

    var concurrent: Bool {
        switch self {
        case .contractCase(let run): return run.item.concurrent
        case .scenario(let scenario): return scenario.concurrent
        }
    }

    var isScenario: Bool {
        if case .scenario = self { return true }
        return false
    }

    func perform(in environment: RunEnvironment) async -> CaseResult {
        switch self {
        case .contractCase(let run): return await environment.run(run)
        case .scenario(let scenario): return await environment.run(scenario)
        }
    }
}

/// What a selection picks from a suite: the work, in listing order, and the manifest endpoints whose coverage counts.
struct RunPlan {
    let items: [WorkItem]
    let endpoints: [ManifestEndpoint]

    init(suite: ConformanceSuite, selection: Selection) {
        var items: [WorkItem] = []
        for contract in suite.contracts.sorted(by: { $0.name < $1.name }) {
            let paths = [contract.endpoint.path] + contract.endpoint.aliases
            let endpoints = paths.compactMap { suite.manifest.endpoint(method: contract.endpoint.method, path: $0) }
            for item in contract.cases {
                for endpoint in endpoints where item.request.path == nil || endpoint.path == contract.endpoint.path {
                    guard selection.selects(item, of: contract, at: endpoint) else { continue }
                    items.append(.contractCase(ContractRun(contract: contract, item: item, endpoint: endpoint)))
                }
            }
        }
        for scenario in suite.scenarios.sorted(by: { $0.name < $1.name }) where selection.selects(scenario) {
            items.append(.scenario(scenario))
        }
        self.items = items
        endpoints = suite.manifest.endpoints.filter(selection.selects)
    }
}
