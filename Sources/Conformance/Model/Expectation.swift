import JSONSchema

/// How one response header field is checked (names are case-insensitive).
public enum HeaderRule: Sendable, Equatable {
    /// The field's value equals this (after placeholders are filled in).
    case equals(String)
    /// The field's value matches this regular expression somewhere (anchor it with `^` and `$`).
    case regex(String)
    /// The field is present (`true`) or absent (`false`).
    case present(Bool)
}

/// One header rule with the field it applies to.
public struct HeaderExpectation: Sendable, Equatable {
    /// The field name, as written in the contract.
    public var name: String
    /// What the field must be.
    public var rule: HeaderRule

    /// Creates a header expectation.
    public init(name: String, rule: HeaderRule) {
        self.name = name
        self.rule = rule
    }
}

/// What a response must be: status, header fields, a body schema and JSON the body contains.
public struct Expectation: Sendable {
    /// The status code, or nil for any.
    public var status: Int?
    /// Other status codes that also conform, where the seed leaves the choice open (e.g. 200 or 202 for work
    /// accepted to run in the background).
    public var alternativeStatuses: [Int]
    /// Header rules, in contract order.
    public var headers: [HeaderExpectation]
    /// The draft-07 schema the JSON body must satisfy, compiled with the shared schemas.
    public var schema: JSONSchemaValidator?
    /// JSON the body must contain (see `JSONSubset`); strings may hold placeholders.
    public var bodySubset: JSONValue?

    /// Creates an expectation.
    public init(
        status: Int? = nil, alternativeStatuses: [Int] = [], headers: [HeaderExpectation] = [],
        schema: JSONSchemaValidator? = nil, bodySubset: JSONValue? = nil
    ) {
        self.status = status
        self.alternativeStatuses = alternativeStatuses
        self.headers = headers
        self.schema = schema
        self.bodySubset = bodySubset
    }

    /// Whether `code` conforms: any status when none is set, else the status or one of its alternatives.
    public func accepts(_ code: Int) -> Bool {
        guard let status else { return true }
        return code == status || alternativeStatuses.contains(code)
    }

    /// The accepted statuses for messages: "202" or "202 or 200".
    public var statusDescription: String {
        ([status].compactMap { $0 } + alternativeStatuses).map(String.init).joined(separator: " or ")
    }
}
