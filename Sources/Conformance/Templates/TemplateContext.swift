import HTTPCore
import JSONSchema

/// What an earlier step's response left for later strings to capture.
public struct StepRecord: Sendable {
    /// The status code (0 for steps that are not requests).
    public var status: Int
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body as JSON, if it is JSON.
    public var body: JSONValue?
    /// The body as text.
    public var text: String

    /// Creates a record.
    public init(status: Int, headers: HTTPHeaders = [:], body: JSONValue?, text: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.text = text
    }
}

/// The values `{{placeholders}}` resolve to in one case or scenario: profile variables, the run's addresses,
/// and what earlier steps captured.
public struct TemplateContext: Sendable {
    /// Profile variables plus `baseURL`, `mockBaseURL` and `webhookURL` when known.
    public var variables: [String: String]
    /// Earlier steps by id.
    public var steps: [String: StepRecord]

    /// Creates a context.
    public init(variables: [String: String], steps: [String: StepRecord] = [:]) {
        self.variables = variables
        self.steps = steps
    }
}

/// A placeholder that cannot be filled in.
public struct PlaceholderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The placeholder as written, e.g. `{{steps.create.body.id}}`.
    public let placeholder: String
    /// Why it cannot be filled in.
    public let reason: String

    /// Creates an error.
    public init(placeholder: String, reason: String) {
        self.placeholder = placeholder
        self.reason = reason
    }

    /// `{{x}}: reason`.
    public var description: String { "\(placeholder): \(reason)" }

    /// Whether the placeholder is `{{mockBaseURL}}` and the profile names no mock upstream.
    var isMissingMock: Bool { placeholder == "{{mockBaseURL}}" }
}
