import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 003: `GET /execution` lists the project's callables (own, agents, installed packages) sorted by
/// name; `POST /execution/{callable_id}` (or slug) runs one with `{"input": …}`. Auth: `x-api-key:
/// apiKey.<id>.<key>` (the key carries its project) or `Authorization: Bearer <JWT>` with `x-project-id`.
/// Errors: `{"data": null, "error": {"message": …}}`.
enum CallableRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform, log: @escaping @Sendable (String) -> Void) {
        let store = CallableStore(platform: platform)
        let runner = CallableRunner(platform: platform, store: store)
        let guardian = SurfaceGuard(platform: platform, schemes: [.apiKeyField, .bearer], shape: .dataEnvelope, log: log)
        router.group("/execution", middleware: [guardian]) { group in
            group.get("/") { request in
                let principal = try request.principal()
                guard let projectID = principal.projectID else {
                    throw PlatformError.notFound("Failed to list callables: no project (send x-project-id with a JWT)")
                }
                return .json(["data": .array(try await store.visible(projectID: projectID, organizationID: principal.organization.id)
                    .map(\.listItem))])
            }
            // Seed 003, "Liens Utiles": `POST /execution` (the callable named in the body) or `POST /execution/{callable_id}`.
            group.post("/") { request in
                let reference = try request.jsonObject().requiredString("callable_id")
                return try await execute(request, reference: reference, store: store, runner: runner)
            }
            group.post("/{callable}") { request in
                try await execute(request, reference: request.parameter("callable"), store: store, runner: runner)
            }
        }
    }

    /// Runs the callable `reference` (id or slug) of the caller's project with the body's `input`.
    static func execute(_ request: HTTPRequest, reference: String, store: CallableStore, runner: CallableRunner) async throws
        -> HTTPResponse {
                let principal = try request.principal()
                guard let projectID = principal.projectID else { throw PlatformError.notFound("Project not found") }
                guard let callable = try await store.find(reference, projectID: projectID, organizationID: principal.organization.id) else {
                    throw PlatformError.notFound("Callable '\(reference)' not found")
                }
                let body = request.bodyBytes.isEmpty ? [:] : try request.jsonObject()
                let input = body["input"] ?? [:]
                let start = ContinuousClock.now
                let output = try await runner.run(callable, input: input, principal: principal, projectID: projectID)
                return .json(["data": ["callable_id": .string(callable.id), "type": .string(callable.type), "output": output,
                                       "duration_ms": .number(JSONNumber(LLMExecutor.milliseconds(since: start)))],
                              "error": nil])
    }
}
