import Foundation
import JSONSchema

/// Runs a callable of any type after checking its OAuth requirement and its input schema; checks the output
/// against the output schema (draft-07, errors by path).
struct CallableRunner {
    let platform: Platform
    let store: CallableStore
    static let maxDepth = 5

    func run(_ callable: Callable, input: JSONValue, principal: Principal, projectID: String, depth: Int = 0) async throws -> JSONValue {
        guard depth < Self.maxDepth else { throw SurfaceError(.badRequest, "pipelines nest deeper than \(Self.maxDepth) levels") }
        let token = try await oauthToken(callable, organizationID: principal.organization.id)
        try Self.check(input, against: callable.inputSchema, what: "input")
        let output: JSONValue
        switch callable.type {
        case "request": output = try await request(callable, input: input, organizationID: principal.organization.id, token: token)
        case "script":
            guard let source = callable.config["source"]?.stringValue else { throw SurfaceError(.internalServerError, "script has no source") }
            output = try await ScriptSandbox.run(source: source, input: input, node: platform.nodeExecutable,
                                                 timeout: .milliseconds(callable.config["timeoutMs"]?.intValue ?? 5000))
        case "callable-pipeline": output = try await pipeline(callable, input: input, principal: principal, projectID: projectID, depth: depth)
        default:
            guard let agent = try await AgentStore(platform: platform).agent(callable.id, organizationID: principal.organization.id,
                                                                             projectID: projectID) else {
                throw PlatformError.notFound("Agent not found")
            }
            output = try await AgentRunner(platform: platform).run(agent, message: input["message"]?.stringValue ?? "",
                                                                   organization: principal.organization)
        }
        do {
            try Self.check(output, against: callable.outputSchema, what: "output")
        } catch let error as SurfaceError {
            throw SurfaceError(.badGateway, error.message, body: error.body)
        }
        return output
    }

    /// `auth: "OAUTH"` callables run only once their OAuth system (a credential with an access_token) is set up.
    private func oauthToken(_ callable: Callable, organizationID: String) async throws -> String? {
        guard callable.auth == "OAUTH" else { return nil }
        guard let system = callable.oauthSystemID,
              let secrets = try await platform.credentials.secrets(id: system, organizationID: organizationID),
              let token = secrets["access_token"]?.stringValue else {
            throw SurfaceError(.badRequest, "Callable '\(callable.name)' requires OAuth system \(callable.oauthSystemID ?? "(none)"), which is not configured for this organization")
        }
        return token
    }

    /// Throws a 400 listing every schema failure by path.
    static func check(_ value: JSONValue, against schema: JSONValue, what: String) throws {
        let errors = (try? JSONSchemaValidator(schema: schema).validate(value)) ?? []
        guard !errors.isEmpty else { return }
        let message = "\(what) does not match the callable's \(what)_schema: "
            + errors.map { "\($0.instancePath.isEmpty ? "(root)" : $0.instancePath) \($0.message)" }.joined(separator: "; ")
        throw SurfaceError(.badRequest, message, body: ["data": nil, "error": ["message": .string(message), "details": .array(errors.map {
            ["path": .string($0.instancePath), "keyword": .string($0.keyword), "message": .string($0.message)]
        })]])
    }

    private func request(_ callable: Callable, input: JSONValue, organizationID: String, token: String?) async throws -> JSONValue {
        var config = Templating.render(callable.config, context: ["input": input]).objectValue ?? [:]
        let credentialID = config.removeValue(forKey: "credentialId")?.stringValue
        var credential = try await credentialID.asyncMap { try await platform.credentials.secrets(id: $0, organizationID: organizationID) } ?? nil
        if let token { credential = ["token": .string(token)] }
        let result: OperationResult
        do {
            result = try await OperationInvoker(platform: platform).run(
                BuiltinIntegrations.http, BuiltinIntegrations.http.operations[0], input: .object(config), credential: credential,
                context: UsageContext(organizationID: organizationID, surface: "callables", operation: "request.\(callable.id)"))
        } catch let error as UpstreamError {
            throw SurfaceError(.badGateway, "the request failed: \(error)")
        }
        guard result.status < 400 else { throw SurfaceError(.badGateway, "the request answered \(result.status)") }
        return result.body
    }

    /// Steps `[{name, callable, input, when?: {path, equals | exists}}]` sharing the workflow engine's templating;
    /// the output is `config.output` rendered, or the last step's output.
    private func pipeline(_ callable: Callable, input: JSONValue, principal: Principal, projectID: String, depth: Int) async throws -> JSONValue {
        var steps = JSONObject()
        var last: JSONValue = .null
        for step in callable.config["steps"]?.arrayValue ?? [] {
            let context: JSONValue = ["input": input, "steps": .object(steps)]
            if let when = step["when"], !Self.holds(when, context: context) { continue }
            let reference = step["callable"]?.stringValue ?? ""
            guard let next = try await store.find(reference, projectID: projectID, organizationID: principal.organization.id) else {
                throw SurfaceError(.badRequest, "pipeline step '\(step["name"]?.stringValue ?? "?")' names an unknown callable '\(reference)'")
            }
            last = try await run(next, input: Templating.render(step["input"] ?? input, context: context), principal: principal,
                                 projectID: projectID, depth: depth + 1)
            steps[step["name"]?.stringValue ?? reference] = ["output": last]
        }
        if let template = callable.config["output"] { return Templating.render(template, context: ["input": input, "steps": .object(steps)]) }
        return last
    }

    static func holds(_ condition: JSONValue, context: JSONValue) -> Bool {
        let value = Templating.lookup(condition["path"]?.stringValue ?? "", in: context)
        if let expected = condition["equals"] { return value == expected }
        if let exists = condition["exists"]?.boolValue { return (value != nil && value != .null) == exists }
        return true
    }
}
