import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 001, the Integrations service, served at `/api/integrations/…` (the reference implementation's paths)
/// and at `/api/api/integrations/…` (as the seed prints them), identically. Auth: Bearer, `X-API-Key` or
/// cookie `token`; `X-Org-Id` must name the caller's own organization.
enum IntegrationsRoutes {
    static let prefixes = ["/api/integrations", "/api/api/integrations"]

    static func register(on router: inout RouterBuilder, platform: Platform, startedAt: Date,
                         log: @escaping @Sendable (String) -> Void) {
        let guardian = SurfaceGuard(platform: platform, schemes: [.bearer, .apiKeyField, .cookie], shape: .integrations,
                                    log: log)
        let operations = IntegrationsOperations(platform: platform, startedAt: startedAt)
        let registry = IntegrationRegistry(repository: platform.repositories.integrations)
        let sessions = MCPSessions()
        IntegrationsDocs.register(on: &router)
        for prefix in prefixes {
            // The reference serves status without authentication (its OpenAPI has no security on it).
            router.get(prefix + "/status") { _ in .json(try await operations.status()) }
            router.group(prefix, middleware: [guardian, OrganizationHeaderCheck()]) { group in
                ProviderRoutes.register(on: &group, platform: platform)
                RegistryRoutes.register(on: &group, platform: platform, registry: registry)
                MCPRoutes.register(on: &group, platform: platform, registry: registry, sessions: sessions)
                group.get("/circuit-breaker") { _ in .json(operations.breakerStatus()) }
                group.post("/circuit-breaker/reset") { request in
                    try request.principal().require(.admin)
                    platform.breakers.reset()
                    return .json(["success": true, "message": "All circuits reset"])
                }
                group.post("/circuit-breaker/reset/{provider}") { request in
                    try request.principal().require(.admin)
                    let provider = request.parameter("provider")
                    guard UpstreamDirectory.providers.contains(provider) else {
                        throw PlatformError.notFound("Provider '\(provider)' not found")
                    }
                    platform.breakers.reset(provider)
                    return .json(["success": true, "provider": .string(provider), "message": .string("Circuit reset")])
                }
                group.get("/usage") { request in .json(try await operations.usage(request)) }
                group.get("/db/status") { _ in .json(try await operations.databaseStatus()) }
                group.post("/db/export") { request in
                    try request.principal().require(.admin)
                    return .json(try await operations.export())
                }
            }
        }
    }
}

/// `X-Org-Id` scopes a call to an organization the caller belongs to (seed 001, "Custom Headers").
struct OrganizationHeaderCheck: HTTPMiddleware {
    func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
        if let organization = request.headers["X-Org-Id"] {
            try request.principal().requireOrganization(organization)
        }
        return try await next.respond(to: request)
    }
}
