import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 002, the Integration layer, under `/api/v1`: `Authorization: Bearer sk_…`, 100 requests per minute
/// per key with the documented headers, errors as `{"error": "…"}`.
enum AutomationRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform, engine: WorkflowEngine,
                         log: @escaping @Sendable (String) -> Void) {
        let guardian = SurfaceGuard(platform: platform, schemes: [.bearer], shape: .plain, log: log)
        let executions = platform.repositories.executions
        AutomationDocs.register(on: &router)
        router.group("/api/v1", middleware: [guardian]) { group in
            WorkflowRoutes.register(on: &group, platform: platform, engine: engine)
            CredentialRoutes.register(on: &group, platform: platform)
            ConnectorRoutes.register(on: &group, platform: platform)
            WebhookRoutes.register(on: &group, platform: platform)
            group.get("/executions/{id}") { request in
                let organizationID = try request.principal().organization.id
                guard let found = try await executions.execution(id: request.parameter("id"), organizationID: organizationID) else {
                    throw PlatformError.notFound("Execution not found")
                }
                return .json(execution(found))
            }
            group.post("/executions/{id}") { request in
                let principal = try request.principal()
                try principal.require(.member)
                let action = try request.jsonObject().requiredString("action")
                guard action == "cancel" else { throw PlatformError.invalid("action must be \"cancel\"") }
                let id = request.parameter("id")
                guard let found = try await executions.execution(id: id, organizationID: principal.organization.id) else {
                    throw PlatformError.notFound("Execution not found")
                }
                if try await engine.cancel(id, organizationID: principal.organization.id) {
                    return .json(["executionId": .string(id), "status": "cancelling"], status: .accepted)
                }
                throw PlatformError.conflict("Execution is already \(found.status)")
            }
        }
    }

    static func execution(_ execution: ExecutionRecord) -> JSONValue {
        ["id": .string(execution.id), "workflowId": .string(execution.workflowID), "status": .string(execution.status),
         "input": execution.input, "steps": execution.steps, "output": execution.output,
         "error": execution.error.map(JSONValue.string) ?? nil, "startedAt": .string(execution.startedAt),
         "finishedAt": execution.finishedAt.map(JSONValue.string) ?? nil]
    }
}
