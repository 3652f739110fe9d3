/// A header field as recorded in a report.
public struct RecordedHeader: Sendable, Equatable {
    /// The name.
    public var name: String
    /// The value (credentials redacted).
    public var value: String
}

/// A request as sent, with secrets redacted.
public struct RecordedRequest: Sendable {
    /// The method.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// The header fields set by the contract.
    public var headers: [RecordedHeader]
    /// The body as text, if any (cut at `RecordedResponse.textLimit`).
    public var body: String?
}

/// A response as received, with secrets redacted and the body cut to a readable length.
public struct RecordedResponse: Sendable {
    /// How much of a body reports keep.
    public static let textLimit = 4096

    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: [RecordedHeader]
    /// The body as text, cut at `textLimit` characters.
    public var body: String
    /// The body's full length in bytes.
    public var bodyBytes: Int
    /// How long the exchange took.
    public var duration: Duration
}

/// One request and its response (nil when none arrived), labelled with the step that sent it.
public struct RecordedExchange: Sendable {
    /// The setup or scenario step, or nil for a case's own request.
    public var step: String?
    /// The request.
    public var request: RecordedRequest
    /// The response, if one arrived.
    public var response: RecordedResponse?
}
