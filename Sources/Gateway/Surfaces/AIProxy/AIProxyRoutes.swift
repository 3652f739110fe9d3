import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 000, the External Service Proxy: discovery and invoke under `/api/ai-proxy/orgs/{org}/services/`,
/// authenticated with `Authorization: Api-Key <key>` or `Token <token>`, errors as `{"error": "…"}`.
enum AIProxyRoutes {
    static let prefix = "/api/ai-proxy/orgs/{org}/services"

    static func register(on router: inout RouterBuilder, platform: Platform, catalog: ProxyCatalog,
                         log: @escaping @Sendable (String) -> Void) {
        let guardian = SurfaceGuard(platform: platform, schemes: [.apiKeyHeader, .tokenHeader], shape: .plain, log: log)
        let jobs = ProxyJobs(repository: platform.repositories.proxyJobs)
        let invoker = AIProxyInvoker(platform: platform, catalog: catalog, jobs: jobs)
        router.group(prefix, middleware: [guardian]) { group in
            group.post("/{service}/{action}/") { request in try await invoker.invoke(request) }
            group.get("/") { request in
                try request.principal().requireOrganization(request.parameter("org"))
                return .json(.array(try await catalog.services().map(\.summaryJSON)))
            }
            group.get("/{service}/") { request in
                try request.principal().requireOrganization(request.parameter("org"))
                return .json(try await service(request, catalog).detailJSON)
            }
        }
    }

    /// The service named in the path, or 404.
    static func service(_ request: HTTPRequest, _ catalog: ProxyCatalog) async throws -> ProxyService {
        let slug = request.parameter("service")
        guard let service = try await catalog.service(slug) else {
            throw PlatformError.notFound("Service '\(slug)' not found")
        }
        return service
    }
}

/// The admin side of the catalog: `/admin/proxy/services…` (seed 000's "admin panel").
enum AdminProxyRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform, catalog: ProxyCatalog) {
        router.group("/admin/proxy", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.get("/services") { _ in .json(.array(try await catalog.services().map(\.detailJSON))) }
            admin.patch("/services/{service}") { request in
                let slug = request.parameter("service")
                guard let service = try await catalog.updateService(slug, with: try request.jsonObject()) else {
                    throw PlatformError.notFound("Service '\(slug)' not found")
                }
                try await platform.audit.record(actor: "admin", action: "proxy-service.update", target: slug,
                                                detail: ["fields": .array(try request.jsonObject().keys.map(JSONValue.string))])
                return .json(service.detailJSON)
            }
            admin.patch("/services/{service}/endpoints/{endpoint}") { request in
                let service = request.parameter("service"), slug = request.parameter("endpoint")
                guard let endpoint = try await catalog.updateEndpoint(service: service, slug: slug,
                                                                      with: try request.jsonObject()) else {
                    throw PlatformError.notFound("Endpoint '\(service)/\(slug)' not found")
                }
                try await platform.audit.record(actor: "admin", action: "proxy-endpoint.update", target: "\(service)/\(slug)")
                return .json(endpoint.json)
            }
        }
        router.group("/admin/organizations/{org}", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.post("/callback-secret") { request in
                let organization = try await AdminRoutes.organization(request, platform)
                let secret = try await CallbackSecrets.rotate(organization.id, platform: platform)
                try await platform.audit.record(actor: "admin", action: "callback-secret.rotate", organizationID: organization.id)
                return .json(["secret": .string(secret)], status: .created)
            }
        }
    }
}
