import Foundation
import JSONSchema

/// One step's outcome.
struct StepResult {
    var output: JSONValue?
    var error: String?
    var attempts: Int
    var startedAt: String
    var finishedAt: String
    var failed: Bool { error != nil }

    func record(name: String) -> JSONValue {
        ["name": .string(name), "status": .string(failed ? "failed" : "completed"), "attempts": .number(JSONNumber(attempts)),
         "startedAt": .string(startedAt), "finishedAt": .string(finishedAt), "output": output ?? nil,
         "error": error.map(JSONValue.string) ?? nil]
    }
}

/// Runs one step (templated config, per-step timeout, retries with backoff) through the operation invoker.
struct StepRunner {
    let platform: Platform
    let organizationID: String

    func run(_ step: JSONValue, context: JSONValue) async -> StepResult {
        let started = Timestamp.now()
        let maxAttempts = step["retry"]?["maxAttempts"]?.intValue ?? 1
        let backoff = step["retry"]?["backoffMs"]?.intValue ?? 500
        let timeout = Duration.milliseconds(step["timeoutMs"]?.intValue ?? 30_000)
        let config = Templating.render(step["config"] ?? [:], context: context)
        var attempt = 0
        var last = StepResult(output: nil, error: "not run", attempts: 0, startedAt: started, finishedAt: started)
        while attempt < maxAttempts {
            attempt += 1
            do {
                let result = try await call(step["type"]?.stringValue ?? "", config: config, timeout: timeout)
                let failed = result.status >= 400 || result.body["ok"] == false
                last = StepResult(output: result.json, error: failed ? "the upstream answered \(result.status)"
                                      + (result.body["error"]?.stringValue.map { ": \($0)" } ?? "") : nil,
                                  attempts: attempt, startedAt: started, finishedAt: Timestamp.now())
                if !failed || result.status < 500 && result.status != 429 { return last }
            } catch {
                last = StepResult(output: nil, error: String(describing: error), attempts: attempt, startedAt: started,
                                  finishedAt: Timestamp.now())
            }
            if attempt < maxAttempts { try? await Task.sleep(for: .milliseconds(backoff << (attempt - 1))) }
        }
        return last
    }

    private func call(_ type: String, config: JSONValue, timeout: Duration) async throws -> OperationResult {
        let invoker = OperationInvoker(platform: platform)
        let context = UsageContext(organizationID: organizationID, surface: "automation", operation: type)
        if type == "http_request" {
            var input = config.objectValue ?? [:]
            let credentialID = input.removeValue(forKey: "credentialId")?.stringValue
            let credential = try await credentialID.asyncMap { try await platform.credentials.secrets(id: $0, organizationID: organizationID) } ?? nil
            return try await invoker.run(BuiltinIntegrations.http, BuiltinIntegrations.http.operations[0], input: .object(input),
                                         credential: credential, context: context, timeout: timeout)
        }
        let connectorID = config["connectorId"]?.stringValue ?? ""
        let connectors = platform.repositories.connectors
        guard let connector = try await connectors.connector(id: connectorID, organizationID: organizationID),
              let integration = BuiltinIntegrations.all.first(where: { $0.key == connector.type }),
              let operation = integration.operations.first(where: { $0.id == config["action"]?.stringValue }) else {
            throw PlatformError.notFound("connector '\(connectorID)' or its action no longer exists")
        }
        let credential = try await connector.credentialID.asyncMap {
            try await platform.credentials.secrets(id: $0, organizationID: organizationID)
        } ?? nil
        var input = config["input"]?.objectValue ?? [:]
        // Connector config supplies defaults, e.g. {"defaultChannel": "#general"} for Slack's channel.
        for (name, value) in connector.config.objectValue ?? [:] {
            let field = name.hasPrefix("default") ? String(name.dropFirst(7)).lowercased() : name
            if input[field] == nil { input[field] = value }
        }
        return try await invoker.run(integration, operation, input: .object(input), credential: credential, context: context,
                                     timeout: timeout)
    }
}
