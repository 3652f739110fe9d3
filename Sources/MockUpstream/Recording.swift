/// One compiled recording: what it answers, how it is chosen, and the response it replays.
///
/// A class, so that trying candidates on the request path shares them instead of copying their fields.
final class Recording: Sendable {
    let id: String
    let provider: Provider
    let operation: OperationReference
    /// The file it was loaded from, relative to the recordings directory.
    let file: String
    /// Its position in load order, the last tie-breaker.
    let order: Int
    let priority: Int
    /// Served only for a `status=NNN` fault with its status, never matched on its own.
    let servesFault: Bool
    let matcher: RequestMatcher
    let scenario: ScenarioStep?
    let response: RecordedResponse

    init(id: String, provider: Provider, operation: OperationReference, file: String, order: Int, priority: Int,
         servesFault: Bool, matcher: RequestMatcher, scenario: ScenarioStep?, response: RecordedResponse) {
        self.id = id
        self.provider = provider
        self.operation = operation
        self.file = file
        self.order = order
        self.priority = priority
        self.servesFault = servesFault
        self.matcher = matcher
        self.scenario = scenario
        self.response = response
    }

    /// Higher is preferred when priorities tie: more checks, then more literal path segments.
    var specificity: Int {
        matcher.weight * 100 + (scenario?.state == nil ? 0 : 100) + matcher.path.literalCount * 2
            + (matcher.method == nil ? 0 : 1)
    }

    /// How catch-all the route is, for near-miss ranking: any method, a `{rest...}` segment, few literals.
    var genericness: Int {
        let hasRest = matcher.path.segments.contains { if case .rest = $0 { true } else { false } }
        return (matcher.method == nil ? 3 : 0) + (hasRest ? 3 : 0) - matcher.path.literalCount
    }

    /// What the admin API and the Swift API show.
    var summary: RecordingSummary {
        RecordingSummary(id: id, provider: provider, operation: operation.id, spec: operation.spec,
                         method: matcher.method?.rawValue ?? "*", path: matcher.path.description,
                         status: response.status.code, file: file, servesFault: servesFault)
    }
}

/// The provider spec operation a recording conforms to.
struct OperationReference: Sendable {
    let spec: String
    let id: String
    let schema: String?
}

/// A recording's place in a scenario: the state it requires and the state it moves to.
struct ScenarioStep: Sendable {
    let name: String
    let state: String?
    let nextState: String?
}

/// A recording as listed by `GET /_mock/recordings` and `MockUpstream.recordings`.
public struct RecordingSummary: Sendable, Equatable {
    public let id: String
    public let provider: Provider
    /// The spec operation it conforms to (an operationId, `METHOD /path`, or `*`).
    public let operation: String
    /// The spec file or docs page of that operation.
    public let spec: String
    public let method: String
    /// The path template after the provider prefix.
    public let path: String
    public let status: Int
    public let file: String
    public let servesFault: Bool
}
