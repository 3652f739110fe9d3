/// The outcome of one contract case (on one path) or one scenario.
public struct CaseResult: Sendable {
    /// Passed, failed or skipped.
    public enum Outcome: String, Sendable {
        case passed, failed, skipped
    }

    /// A contract case or a scenario.
    public enum Kind: String, Sendable {
        case contractCase = "case"
        case scenario
    }

    /// `<contract>/<case>[ @ <alias path>]` or `scenario/<name>`.
    public var id: String
    /// A contract case or a scenario.
    public var kind: Kind
    /// The surface it belongs to.
    public var surface: String
    /// The contract's name, or `scenarios`.
    public var group: String
    /// The case's name (with the alias path when it ran on one), or the scenario's name.
    public var name: String
    /// The manifest endpoint a case ran against; nil for scenarios.
    public var endpointID: String?
    /// The status the case expects; nil for scenarios.
    public var expectedStatus: Int?
    /// Its tags, the surface's name included.
    public var tags: [String]
    /// Passed, failed or skipped.
    public var outcome: Outcome
    /// Why it was skipped.
    public var skipReason: String?
    /// What differed, empty unless it failed.
    public var mismatches: [Mismatch]
    /// Every request sent, in order.
    public var exchanges: [RecordedExchange]
    /// How long it took.
    public var duration: Duration
    /// The contract or scenario file.
    public var file: String

    /// A skipped result.
    static func skipped(_ result: CaseResult, reason: String) -> CaseResult {
        var skipped = result
        skipped.outcome = .skipped
        skipped.skipReason = reason
        return skipped
    }
}
