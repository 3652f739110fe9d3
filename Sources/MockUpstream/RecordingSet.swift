import HTTPCore

/// All loaded recordings, grouped by provider in the order they are tried: priority, then specificity,
/// then load order.
struct RecordingSet: Sendable {
    let all: [Recording]
    private let byProvider: [Provider: [Recording]]
    /// The same lists narrowed to one method (recordings for any method included), then to the request's path,
    /// so a request only tries recordings that can answer its method and path.
    private let byProviderMethod: [Provider: [HTTPMethod: CandidateIndex]]
    /// For a method no recording names: the recordings for any method.
    private let anyMethod: [Provider: CandidateIndex]
    private let byID: [String: Recording]
    private let scenarioProviders: Set<Provider>
    /// The memo key's header names as bytes: every name that recordings of providers without scenarios match
    /// on, and the mock's own fault and recording headers.
    private let memoHeaderNames: [[UInt8]]
    /// Choices for repeated requests that cannot change (see `SelectionMemo`).
    let memo = SelectionMemo()

    init(_ recordings: [Recording]) {
        all = recordings
        var grouped: [Provider: [Recording]] = [:]
        for recording in recordings { grouped[recording.provider, default: []].append(recording) }
        byProvider = grouped.mapValues { list in
            list.sorted { left, right in
                if left.priority != right.priority { return left.priority > right.priority }
                if left.specificity != right.specificity { return left.specificity > right.specificity }
                return left.order < right.order
            }
        }
        byProviderMethod = byProvider.mapValues { list in
            let methods = Set(list.compactMap(\.matcher.method))
            return Dictionary(uniqueKeysWithValues: methods.map { method in
                (method, CandidateIndex(list.filter { $0.matcher.method == nil || $0.matcher.method == method }))
            })
        }
        anyMethod = byProvider.mapValues { list in CandidateIndex(list.filter { $0.matcher.method == nil }) }
        byID = Dictionary(recordings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let withScenarios = Set(recordings.filter { $0.scenario != nil }.map(\.provider))
        scenarioProviders = withScenarios
        var names = [ReplayResponder.faultHeader, ReplayResponder.recordingHeader]
        for recording in recordings where !withScenarios.contains(recording.provider) {
            for (name, _) in recording.matcher.headers
            where !names.contains(where: { $0.equalsIgnoringASCIICase(name) }) {
                names.append(name)
            }
        }
        memoHeaderNames = names.map { Array($0.utf8) }
    }

    /// Whether choices for this provider may be remembered (it has no scenarios).
    func memoizes(_ provider: Provider) -> Bool { !scenarioProviders.contains(provider) }

    /// What the memo knows of a request: the remembered choice, or the key to remember one under. Both are nil
    /// for a request with a body, which is never remembered. The caller looks up only while no fault is armed,
    /// and remembers choices only for requests without fault or recording headers, of providers that `memoizes`.
    func memoLookup(_ request: HTTPRequest) -> (known: SelectionMemo.Entry?, key: SelectionMemo.Key?) {
        switch request.body {
        case .empty: break
        case .bytes(let bytes): guard bytes.isEmpty else { return (nil, nil) }
        case .stream: return (nil, nil)
        }
        let memo = memo  // captured alone: capturing `self` copies the whole set into the closure
        return SelectionMemo.Key.withBytes(method: request.method, target: request.head.target,
                                           headers: request.headers, names: memoHeaderNames) { bytes, digest in
            if let known = memo.entry(forBytes: bytes, digest: digest) { return (known, nil) }
            return (nil, SelectionMemo.Key(bytes: Array(bytes), digest: digest))
        }
    }

    /// The recording with this id.
    func recording(id: String) -> Recording? { byID[id] }

    /// The outcome of choosing a recording for a request.
    enum Selection {
        case matched(Recording, parameters: [String: String])
        case unmatched(closest: Recording?, differences: [String])
    }

    /// Chooses the recording for a request. With a status fault, a matching `servesFault` recording of that
    /// status is preferred; such recordings are otherwise never chosen. Scenario checks and transitions
    /// happen under the scenario lock.
    func select(_ request: MockRequest, faultStatus: Int?, scenarios: ScenarioStates) -> Selection {
        let all = byProvider[request.provider] ?? []
        let index = byProviderMethod[request.provider]?[request.method] ?? anyMethod[request.provider]
        let candidates = index?.candidates(for: request.segments) ?? []
        if let faultStatus {
            for recording in candidates where recording.servesFault && recording.response.status.code == faultStatus {
                if let parameters = recording.matcher.match(request) { return .matched(recording, parameters: parameters) }
            }
        }
        guard scenarioProviders.contains(request.provider) else {
            var unused: [String: String] = [:]
            return firstMatch(request, candidates, states: &unused) ?? nearMiss(request, all, states: [:])
        }
        return scenarios.withLock { states in
            firstMatch(request, candidates, states: &states) ?? nearMiss(request, all, states: states)
        }
    }

    /// The first recording that matches, moving its scenario on.
    private func firstMatch(_ request: MockRequest, _ candidates: [Recording], states: inout [String: String])
        -> Selection? {
        for recording in candidates where !recording.servesFault {
            if let step = recording.scenario, let required = step.state,
               (states[step.name] ?? ScenarioStates.initial) != required {
                continue
            }
            guard let parameters = recording.matcher.match(request) else { continue }
            if let step = recording.scenario, let next = step.nextState { states[step.name] = next }
            return .matched(recording, parameters: parameters)
        }
        return nil
    }

    /// The recording with the fewest differences (a matching path first, specific templates before generic
    /// ones, catch-all error recordings last), and what they are.
    private func nearMiss(_ request: MockRequest, _ candidates: [Recording], states: [String: String]) -> Selection {
        var best: (recording: Recording, differences: [String], score: Int)?
        for recording in candidates where !recording.servesFault {
            let outcome = recording.matcher.check(request, collect: true)
            var differences = outcome.differences
            if let step = recording.scenario, let required = step.state {
                let current = states[step.name] ?? ScenarioStates.initial
                if current != required {
                    differences.append("scenario \(step.name): expected state '\(required)', is '\(current)'")
                }
            }
            let route = outcome.pathDistance == 0 ? 0 : 10_000 + outcome.pathDistance * 100
            let catchAll = recording.matcher.method == nil && recording.genericness >= 5 ? 20_000 : 0
            let score = differences.count * 10 + route + catchAll + recording.genericness + recording.matcher.weight
            if score < (best?.score ?? Int.max) { best = (recording, differences, score) }
        }
        return .unmatched(closest: best?.recording, differences: best?.differences ?? [])
    }
}

/// Candidates in the order they are tried, found by the request's decoded path segments: for a path some template
/// spells out literally, the recordings with that template merged (in order) with every templated one; for any
/// other path, the templated ones alone. A literal template cannot match a path it does not spell.
struct CandidateIndex: Sendable {
    let literal: [[String]: [Recording]]
    let templated: [Recording]

    init(_ ordered: [Recording]) {
        templated = ordered.filter { $0.matcher.path.literals == nil }
        var literal: [[String]: [Recording]] = [:]
        for path in Set(ordered.compactMap(\.matcher.path.literals)) {
            literal[path] = ordered.filter { $0.matcher.path.literals.map { $0 == path } ?? true }
        }
        self.literal = literal
    }

    func candidates(for segments: [String]) -> [Recording] { literal[segments] ?? templated }
}
