import HTTPClient

/// What every case and scenario of one run shares: the client, the addresses, the profile's variables and
/// the webhook receiver.
struct RunEnvironment: Sendable {
    let exchanger: Exchanger
    let baseURL: String
    let mockBaseURL: String?
    /// Profile variables plus `baseURL` and `mockBaseURL`.
    let variables: [String: String]
    let receiver: WebhookReceiver?

    init(profile: Profile, baseURL: String, client: HTTPClient, timeout: Duration, receiver: WebhookReceiver?) {
        var variables = profile.variables
        variables["baseURL"] = baseURL
        if let mock = profile.mockBaseURL { variables["mockBaseURL"] = mock }
        self.variables = variables
        self.baseURL = baseURL
        self.mockBaseURL = profile.mockBaseURL
        self.receiver = receiver
        exchanger = Exchanger(client: client, timeout: timeout, redactor: Redactor(variables: profile.variables))
    }

    /// Builds and sends a request, checks it against `expect`, and records the exchange and what it left.
    func perform(
        _ template: RequestTemplate, builder: RequestBuilder, endpoint: (method: String, path: String)? = nil,
        expect: Expectation?, context: inout TemplateContext, step: String?,
        into outcome: inout StepOutcome
    ) async {
        let request: BuiltRequest
        do {
            request = try builder.build(template, endpoint: endpoint, context: context)
        } catch {
            outcome.fail(placeholder: error, step: step)
            return
        }
        let sent = await exchanger.send(request, step: step)
        outcome.exchanges.append(sent.exchange)
        guard let response = sent.response else {
            outcome.mismatches += sent.failure.map { [$0] } ?? []
            return
        }
        if let step { context.steps[step] = response.record }
        if let expect { outcome.mismatches += ResponseChecker.check(response, expect, context: context, step: step) }
        outcome.last = response
    }
}

/// What running a case or some steps produced so far.
struct StepOutcome: Sendable {
    var exchanges: [RecordedExchange] = []
    var mismatches: [Mismatch] = []
    /// Set when a placeholder named the mock upstream and the profile has none.
    var skipReason: String?
    /// The last response received.
    var last: ReceivedResponse?

    var stopped: Bool { !mismatches.isEmpty || skipReason != nil }

    mutating func fail(placeholder error: PlaceholderError, step: String?) {
        if error.isMissingMock {
            skipReason = "the profile has no mockBaseURL"
        } else {
            mismatches.append(Mismatch(.placeholder, error.description, step: step))
        }
    }
}
