import JSONSchema

/// A request body before placeholders are filled in.
public enum RequestBodyTemplate: Sendable, Equatable {
    /// No body.
    case none
    /// A JSON body, sent as `application/json`.
    case json(JSONValue)
    /// Text sent as it is.
    case raw(String)
    /// An `application/x-www-form-urlencoded` body.
    case form([FormField])
}

/// One name/value pair of a form body or a query.
public struct FormField: Sendable, Equatable {
    /// The name.
    public var name: String
    /// The value (placeholders allowed).
    public var value: String

    /// Creates a pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One header field to send; a nil value removes a field the contract's defaults set.
public struct HeaderTemplate: Sendable, Equatable {
    /// The field name.
    public var name: String
    /// The value (placeholders allowed), or nil to remove the field.
    public var value: String?

    /// Creates a header template.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// A request as a contract or scenario writes it, with `{{placeholders}}` still in its strings.
public struct RequestTemplate: Sendable, Equatable {
    /// The method; nil for a contract case, which uses its endpoint's.
    public var method: String?
    /// A concrete path or absolute URL; nil for a contract case that uses its endpoint's template.
    public var path: String?
    /// Values for the endpoint template's `{param}` segments.
    public var pathParameters: [String: String]
    /// Header fields, in order.
    public var headers: [HeaderTemplate]
    /// Query parameters, in order (a name may repeat).
    public var query: [FormField]
    /// The body.
    public var body: RequestBodyTemplate
    /// A `Content-Type` for the body, unless a header sets one.
    public var contentType: String?

    /// Creates a request template.
    public init(
        method: String? = nil, path: String? = nil, pathParameters: [String: String] = [:],
        headers: [HeaderTemplate] = [], query: [FormField] = [], body: RequestBodyTemplate = .none,
        contentType: String? = nil
    ) {
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.headers = headers
        self.query = query
        self.body = body
        self.contentType = contentType
    }
}
