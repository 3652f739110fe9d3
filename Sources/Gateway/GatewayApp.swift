import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// The gateway: every surface's routes over one platform, with documented error shapes for misses.
public enum GatewayApp {
    /// Starts the background workers every surface relies on: the outbox and the job watcher.
    public static func startWorkers(platform: Platform) async throws -> [Task<Void, Never>] {
        try await platform.outbox.start()
        try await WorkflowEngine(platform: platform, events: WebhookEvents(platform: platform)).recover()
        let catalog = ProxyCatalog(repository: platform.repositories.proxyCatalog)
        let watcher = ProxyJobWatcher(platform: platform, catalog: catalog,
                                      jobs: ProxyJobs(repository: platform.repositories.proxyJobs),
                                      interval: platform.outbox.pollInterval * 5)
        return [Task { await watcher.run() }]
    }

    /// Builds the router for all surfaces.
    /// What `GET /healthz` answers.
    public static let healthBody = #"{"status":"ok"}"#

    public static func makeRouter(platform: Platform, log: @escaping @Sendable (String) -> Void = { _ in }) -> Router {
        var router = RouterBuilder()
        let health = HTTPResponse.json(healthBody)
        router.immediate(.get, "/healthz") { _ in health }
        AdminRoutes.register(on: &router, platform: platform)
        let catalog = ProxyCatalog(repository: platform.repositories.proxyCatalog)
        AIProxyRoutes.register(on: &router, platform: platform, catalog: catalog, log: log)
        AdminProxyRoutes.register(on: &router, platform: platform, catalog: catalog)
        IntegrationsRoutes.register(on: &router, platform: platform, startedAt: Date(), log: log)
        let engine = WorkflowEngine(platform: platform, events: WebhookEvents(platform: platform))
        AutomationRoutes.register(on: &router, platform: platform, engine: engine, log: log)
        AgentEndpointRoutes.register(on: &router, platform: platform, log: log)
        AdminAgentRoutes.register(on: &router, platform: platform)
        CallableRoutes.register(on: &router, platform: platform, log: log)
        AdminCallableRoutes.register(on: &router, platform: platform)
        return router.build { request, miss in
            let shape = request.path.hasPrefix("/execution") ? ErrorShape.dataEnvelope
                : IntegrationsRoutes.prefixes.contains(where: request.path.hasPrefix) ? ErrorShape.integrations : ErrorShape.plain
            switch miss {
            case .notFound: return shape.response(.notFound, "no route for \(request.method) \(request.path)")
            case .methodNotAllowed: return shape.response(.methodNotAllowed, "\(request.method) is not allowed here")
            }
        }
    }
}
