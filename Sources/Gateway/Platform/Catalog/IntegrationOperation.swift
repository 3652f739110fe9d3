import JSONSchema

/// How an integration authenticates upstream, from its credential's fields.
public enum IntegrationAuth: Sendable, Equatable {
    case none
    /// `Authorization: <prefix> <credential[field]>` ("Bearer", "Bot").
    case authorization(prefix: String, field: String)
    /// A header or query parameter carrying `credential[field]`.
    case header(name: String, field: String)
    case query(name: String, field: String)
    /// HTTP Basic from two fields.
    case basic(userField: String, passwordField: String)
}

/// One callable operation of an integration: an HTTP call described as data, with its input JSON Schema.
///
/// Input fields named in `{placeholders}` of the path fill it; the rest go to the body (JSON or form) or,
/// for GET and DELETE, to the query.
public struct IntegrationOperation: Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var method: String
    public var path: String
    /// "json", "form" or "none".
    public var bodyEncoding: String
    public var inputSchema: JSONValue
    public var outputSchema: JSONValue?
    /// The provider's documentation anchor this operation follows.
    public var reference: String

    public init(id: String, name: String, description: String, method: String, path: String, bodyEncoding: String,
                inputSchema: JSONValue, outputSchema: JSONValue? = nil, reference: String) {
        self.id = id
        self.name = name
        self.description = description
        self.method = method
        self.path = path
        self.bodyEncoding = bodyEncoding
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.reference = reference
    }

    /// The operation as registries and tool lists show it.
    public func json(integration: String) -> JSONValue {
        ["id": .string("\(integration).\(id)"), "operationId": .string(id), "name": .string(name),
         "description": .string(description), "method": .string(method), "path": .string(path),
         "inputSchema": inputSchema, "outputSchema": outputSchema ?? nil]
    }
}

/// An integration: where it lives, how it authenticates, which credential fields it needs, what it can do.
public struct Integration: Sendable {
    public var key: String
    public var name: String
    /// "builtin", "openapi", "mcp" or "custom" (seed 001's RegisterRequest types).
    public var type: String
    public var baseURL: String
    public var auth: IntegrationAuth
    /// Credential fields a connector of this integration must have (seed 002, "Credentials").
    public var requiredFields: [String]
    public var operations: [IntegrationOperation]

    /// The integration as the registry lists it.
    public var json: JSONValue {
        ["key": .string(key), "name": .string(name), "type": .string(type), "baseUrl": .string(baseURL),
         "auth": .string(Self.authName(auth)), "requiredCredentialFields": .array(requiredFields.map(JSONValue.string)),
         "operationCount": .number(JSONNumber(operations.count))]
    }

    static func authName(_ auth: IntegrationAuth) -> String {
        switch auth {
        case .none: return "none"
        case .authorization(let prefix, _): return prefix.lowercased()
        case .header, .query: return "apiKey"
        case .basic: return "basic"
        }
    }
}
