import JSONSchema

/// Built-in integrations plus those an organization registered (seed 001, `/register`), each stored as its
/// definition JSON and visible only to that organization.
public final class IntegrationRegistry: Sendable {
    let repository: any IntegrationRepository

    public init(repository: any IntegrationRepository) {
        self.repository = repository
    }

    /// Every integration the organization can use.
    public func integrations(organizationID: String) async throws -> [Integration] {
        let registered = try await repository.definitions(organizationID: organizationID).map(IntegrationDefinition.parse)
        return BuiltinIntegrations.all + registered
    }

    /// One integration by key, or nil.
    public func integration(_ key: String, organizationID: String) async throws -> Integration? {
        try await integrations(organizationID: organizationID).first { $0.key == key }
    }

    /// Validates and stores a definition; a key already taken (built-in or registered) is a 409.
    public func register(_ definition: JSONValue, organizationID: String) async throws -> Integration {
        let integration = try IntegrationDefinition.parse(definition)
        if BuiltinIntegrations.all.contains(where: { $0.key == integration.key }) {
            throw PlatformError.conflict("'\(integration.key)' is a built-in integration")
        }
        do {
            try await repository.insert(definition, key: integration.key, organizationID: organizationID, at: Timestamp.now())
        } catch is DuplicateRecord {
            throw PlatformError.conflict("an integration with key '\(integration.key)' is already registered")
        }
        return integration
    }
}

/// A registration body, checked: `{"key", "name", "type", "baseUrl" | "openapi": {"serverUrl"}, "auth":
/// {"type": "none" | "bearer" | "apiKey", "header"?, "field"?}, "operations": [{"id", "name"?, "description"?,
/// "method", "path", "inputSchema", "bodyEncoding"?}]}`; every input schema must be a valid draft-07 schema.
enum IntegrationDefinition {
    static func parse(_ value: JSONValue) throws -> Integration {
        guard let object = value.objectValue else { throw PlatformError.invalid("body must be a JSON object") }
        let key = try object.requiredString("key")
        try Validation.slug(key, field: "key")
        let name = try object.requiredString("name")
        let type = try object.requiredString("type")
        guard ["openapi", "custom", "builtin"].contains(type) else {
            throw PlatformError.invalid(type == "mcp" ? "register MCP servers with POST …/mcp/register"
                                                      : "type must be openapi or custom")
        }
        guard let baseURL = try object.optionalString("baseUrl") ?? object["openapi"]?["serverUrl"]?.stringValue,
              baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw PlatformError.invalid("baseUrl (or openapi.serverUrl) is required and must be an http(s) URL")
        }
        let auth = try parseAuth(object["auth"])
        guard let list = object["operations"]?.arrayValue, !list.isEmpty else {
            throw PlatformError.invalid("operations is required: a non-empty array of {id, method, path, inputSchema}")
        }
        var operations: [IntegrationOperation] = []
        for (index, item) in list.enumerated() {
            guard let operation = item.objectValue else { throw PlatformError.invalid("operations[\(index)] must be an object") }
            let id = try field(operation, "id", index)
            let method = try field(operation, "method", index).uppercased()
            guard ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) else {
                throw PlatformError.invalid("operations[\(index)].method must be GET, POST, PUT, PATCH or DELETE")
            }
            let path = try field(operation, "path", index)
            guard path.hasPrefix("/") else { throw PlatformError.invalid("operations[\(index)].path must start with /") }
            let schema = operation["inputSchema"] ?? ["type": "object"]
            do {
                _ = try JSONSchemaValidator(schema: schema)
            } catch {
                throw PlatformError.invalid("operations[\(index)].inputSchema is not a valid JSON Schema: \(error)")
            }
            if operations.contains(where: { $0.id == id }) { throw PlatformError.invalid("operations[\(index)].id '\(id)' repeats") }
            let encoding = try operation.optionalString("bodyEncoding") ?? (["GET", "DELETE"].contains(method) ? "none" : "json")
            operations.append(IntegrationOperation(
                id: id, name: try operation.optionalString("name") ?? id, description: try operation.optionalString("description") ?? "",
                method: method, path: path, bodyEncoding: encoding, inputSchema: schema, outputSchema: operation["outputSchema"],
                reference: "registered"))
        }
        return Integration(key: key, name: name, type: type, baseURL: baseURL, auth: auth,
                           requiredFields: requiredFields(auth), operations: operations)
    }

    private static func field(_ object: JSONObject, _ name: String, _ index: Int) throws -> String {
        guard let value = object[name]?.stringValue, !value.isEmpty else {
            throw PlatformError.invalid("operations[\(index)].\(name) is required and must be a non-empty string")
        }
        return value
    }

    private static func parseAuth(_ value: JSONValue?) throws -> IntegrationAuth {
        guard let value, !value.isNull else { return .none }
        guard let type = value["type"]?.stringValue else { throw PlatformError.invalid("auth.type is required") }
        switch type {
        case "none": return .none
        case "bearer": return .authorization(prefix: "Bearer", field: value["field"]?.stringValue ?? "token")
        case "apiKey":
            let field = value["field"]?.stringValue ?? "api_key"
            if value["in"]?.stringValue == "query" { return .query(name: value["name"]?.stringValue ?? "api_key", field: field) }
            return .header(name: value["header"]?.stringValue ?? "X-API-Key", field: field)
        case "basic": return .basic(userField: "username", passwordField: "password")
        default: throw PlatformError.invalid("auth.type must be none, bearer, apiKey or basic")
        }
    }

    static func requiredFields(_ auth: IntegrationAuth) -> [String] {
        switch auth {
        case .none: return []
        case .authorization(_, let field), .header(_, let field), .query(_, let field): return [field]
        case .basic(let user, let password): return [user, password]
        }
    }
}
