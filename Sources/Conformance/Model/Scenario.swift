import JSONSchema

/// Poll a request until a JSON Pointer into its body equals a value.
public struct WaitSpec: Sendable {
    /// The request to repeat.
    public var request: RequestTemplate
    /// Where to look in the body.
    public var pointer: String
    /// The value to wait for (strings may hold placeholders).
    public var equals: JSONValue
    /// The status the response must also have, if any.
    public var status: Int?
    /// How long to keep trying.
    public var timeout: Duration
    /// The pause between attempts.
    public var interval: Duration
}

/// Which calls the mock upstream's journal must hold.
public struct JournalSpec: Sendable {
    /// The provider, e.g. `slack`.
    public var provider: String
    /// The method, if it matters.
    public var method: String?
    /// The upstream path, if it matters.
    public var path: String?
    /// Exactly this many matching entries; nil means at least one.
    public var count: Int?
    /// JSON each matching entry's body contains.
    public var bodySubset: JSONValue?
    /// Form fields each matching entry has.
    public var formSubset: [FormField]
    /// Query parameters each matching entry has.
    public var querySubset: [FormField]
    /// How long to wait for the entries to appear.
    public var timeout: Duration
}

/// Which deliveries the runner's webhook receiver must get, and how they are checked.
public struct WebhookSpec: Sendable {
    /// Exactly this many matching deliveries; nil means at least one.
    public var count: Int?
    /// JSON a matching delivery's body contains.
    public var bodySubset: JSONValue?
    /// Rules for each matching delivery's header fields.
    public var headers: [HeaderExpectation]
    /// A schema each matching body satisfies.
    public var schema: JSONSchemaValidator?
    /// The HMAC-SHA256 key the signature header is checked with (placeholders allowed), if any.
    public var secret: String?
    /// The header holding the hex signature.
    public var signatureHeader: String
    /// How long to wait for the deliveries.
    public var timeout: Duration
}

/// What a scenario step does.
public enum ScenarioAction: Sendable {
    /// Send one request.
    case request(RequestTemplate)
    /// Repeat a request until its body says so.
    case wait(WaitSpec)
    /// Check the mock upstream's journal.
    case journal(JournalSpec)
    /// Check the webhook receiver's deliveries.
    case webhook(WebhookSpec)
    /// `POST {{mockBaseURL}}/_mock/reset`.
    case resetMock
}

/// One step of a scenario.
public struct ScenarioStep: Sendable {
    /// The id later steps capture from.
    public var id: String
    /// What the step does.
    public var action: ScenarioAction
    /// What the response of a request or wait step must be.
    public var expect: Expectation?
}

/// A flow across endpoints, from `Scenarios/*.json`.
public struct Scenario: Sendable {
    /// The scenario's unique name.
    public var name: String
    /// The file, as the loader read it.
    public var file: String
    /// The surface it belongs to.
    public var surface: String
    /// Labels for `--only`.
    public var tags: [String]
    /// Whether it may run alongside others.
    public var concurrent: Bool
    /// Why it is not run, if it is not.
    public var skip: String?
    /// The steps, in order.
    public var steps: [ScenarioStep]

    /// Whether any step talks to the mock upstream.
    var needsMock: Bool {
        steps.contains { step in
            switch step.action {
            case .journal, .resetMock: return true
            case .request, .wait, .webhook: return false
            }
        }
    }
}
