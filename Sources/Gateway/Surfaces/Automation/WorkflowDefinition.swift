import JSONSchema

/// A workflow definition (seed 002, "Create Workflow"): `{"steps": [{"name", "type", "config", "timeoutMs"?,
/// "retry"?: {"maxAttempts", "backoffMs"}}]}`. Step types: `http_request` (config: method, url, headers, query,
/// body, credentialId?) and `connector` (config: connectorId, action, input).
enum WorkflowDefinition {
    struct FieldError {
        let field: String
        let message: String
    }

    static let stepTypes: Set<String> = ["http_request", "connector"]

    /// Every problem, by field path; empty when the definition is valid for this organization.
    static func problems(_ definition: JSONValue?, organizationID: String, connectors: any ConnectorRepository)
        async throws -> [FieldError] {
        guard let steps = definition?["steps"]?.arrayValue else {
            return [FieldError(field: "definition.steps", message: "is required and must be an array of steps")]
        }
        if steps.isEmpty { return [FieldError(field: "definition.steps", message: "must contain at least one step")] }
        var problems: [FieldError] = []
        var names = Set<String>()
        for (index, step) in steps.enumerated() {
            let prefix = "definition.steps[\(index)]"
            guard step.objectValue != nil else {
                problems.append(FieldError(field: prefix, message: "must be an object"))
                continue
            }
            if let name = step["name"]?.stringValue, !name.isEmpty {
                if !names.insert(name).inserted { problems.append(FieldError(field: "\(prefix).name", message: "'\(name)' is used by another step")) }
            } else {
                problems.append(FieldError(field: "\(prefix).name", message: "is required"))
            }
            guard let type = step["type"]?.stringValue, stepTypes.contains(type) else {
                problems.append(FieldError(field: "\(prefix).type", message: "must be http_request or connector"))
                continue
            }
            let config = step["config"]?.objectValue ?? [:]
            if type == "http_request", config["url"]?.stringValue?.isEmpty != false {
                problems.append(FieldError(field: "\(prefix).config.url", message: "is required"))
            }
            if type == "connector" {
                problems += try await connectorProblems(config, prefix: prefix, organizationID: organizationID,
                                                        connectors: connectors)
            }
            if let timeout = step["timeoutMs"], !(timeout.intValue.map { (1...600_000).contains($0) } ?? false) {
                problems.append(FieldError(field: "\(prefix).timeoutMs", message: "must be 1 to 600000"))
            }
            if let attempts = step["retry"]?["maxAttempts"], !(attempts.intValue.map { (1...10).contains($0) } ?? false) {
                problems.append(FieldError(field: "\(prefix).retry.maxAttempts", message: "must be 1 to 10"))
            }
        }
        return problems
    }

    private static func connectorProblems(_ config: JSONObject, prefix: String, organizationID: String,
                                          connectors: any ConnectorRepository) async throws -> [FieldError] {
        guard let connectorID = config["connectorId"]?.stringValue else {
            return [FieldError(field: "\(prefix).config.connectorId", message: "is required")]
        }
        guard let connector = try await connectors.connector(id: connectorID, organizationID: organizationID) else {
            return [FieldError(field: "\(prefix).config.connectorId", message: "'\(connectorID)' is not one of your connectors")]
        }
        let type = connector.type
        let action = config["action"]?.stringValue ?? ""
        guard BuiltinIntegrations.all.first(where: { $0.key == type })?.operations.contains(where: { $0.id == action }) == true else {
            return [FieldError(field: "\(prefix).config.action", message: "'\(action)' is not an action of \(type) connectors")]
        }
        return []
    }

    /// The 400 body with field-level errors.
    static func error(_ problems: [FieldError]) -> SurfaceError {
        SurfaceError(.badRequest, "Validation failed", body: [
            "error": .string("Validation failed: " + problems.map { "\($0.field) \($0.message)" }.joined(separator: "; ")),
            "details": .array(problems.map { ["field": .string($0.field), "message": .string($0.message)] }),
        ])
    }
}
