import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// Seed 002, the Integration layer, under `/api/v1`: `Authorization: Bearer sk_…`, 100 requests per minute
/// per key with the documented headers, errors as `{"error": "…"}`.
enum AutomationRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform, engine: WorkflowEngine,
                         log: @escaping @Sendable (String) -> Void) {
        let guardian = SurfaceGuard(platform: platform, schemes: [.bearer], shape: .plain, log: log)
        let rows = RowStore(database: platform.database)
        AutomationDocs.register(on: &router)
        router.group("/api/v1", middleware: [guardian]) { group in
            WorkflowRoutes.register(on: &group, platform: platform, engine: engine)
            CredentialRoutes.register(on: &group, platform: platform)
            ConnectorRoutes.register(on: &group, platform: platform)
            WebhookRoutes.register(on: &group, platform: platform)
            group.get("/executions/{id}") { request in
                guard let row = try await rows.row("executions", id: request.parameter("id"),
                                                    organizationID: try request.principal().organization.id) else {
                    throw PlatformError.notFound("Execution not found")
                }
                return .json(execution(row))
            }
            group.post("/executions/{id}") { request in
                let principal = try request.principal()
                try principal.require(.member)
                let action = try request.jsonObject().requiredString("action")
                guard action == "cancel" else { throw PlatformError.invalid("action must be \"cancel\"") }
                let id = request.parameter("id")
                guard let row = try await rows.row("executions", id: id, organizationID: principal.organization.id) else {
                    throw PlatformError.notFound("Execution not found")
                }
                if try await engine.cancel(id, organizationID: principal.organization.id) {
                    return .json(["executionId": .string(id), "status": "cancelling"], status: .accepted)
                }
                throw PlatformError.conflict("Execution is already \((try? row.require("status", as: String.self)) ?? "finished")")
            }
        }
    }

    static func execution(_ row: Row) -> JSONValue {
        ["id": .string((try? row.require("id", as: String.self)) ?? ""),
         "workflowId": .string((try? row.require("workflow_id", as: String.self)) ?? ""),
         "status": .string((try? row.require("status", as: String.self)) ?? ""), "input": RowStore.json(row, "input"),
         "steps": RowStore.json(row, "steps"), "output": RowStore.json(row, "output"),
         "error": ((try? row.string("error")) ?? nil).map(JSONValue.string) ?? nil,
         "startedAt": .string((try? row.require("started_at", as: String.self)) ?? ""),
         "finishedAt": ((try? row.string("finished_at")) ?? nil).map(JSONValue.string) ?? nil]
    }
}
