import HTTPCore
import HTTPServer
import JSONSchema

/// The admin API under `/admin`: organizations, projects, members and their tokens, API keys, service and
/// platform credentials, and the audit log. Every change is audited; secrets are returned only at creation.
enum AdminRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform) {
        router.group("/admin", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.get("/organizations") { _ in
                .json(.array(try await platform.identity.organizations().map(\.json)))
            }
            admin.post("/organizations") { request in
                let body = try request.jsonObject()
                let slug = try body.requiredString("slug")
                let organization = try await platform.identity.createOrganization(
                    slug: slug, name: try body.optionalString("name") ?? slug)
                try await platform.audit.record(actor: "admin", action: "organization.create",
                                                organizationID: organization.id, target: organization.slug)
                return .json(organization.json, status: .created)
            }
            admin.get("/organizations/{org}") { request in
                .json(try await organization(request, platform).json)
            }
            admin.get("/organizations/{org}/projects") { request in
                let organization = try await organization(request, platform)
                return .json(.array(try await platform.identity.projects(organizationID: organization.id).map(\.json)))
            }
            admin.post("/organizations/{org}/projects") { request in
                let organization = try await organization(request, platform)
                let project = try await platform.identity.createProject(
                    organizationID: organization.id, name: try request.jsonObject().requiredString("name"))
                try await platform.audit.record(actor: "admin", action: "project.create",
                                                organizationID: organization.id, target: project.id)
                return .json(project.json, status: .created)
            }
            AdminMemberRoutes.register(on: &admin, platform: platform)
            AdminKeyRoutes.register(on: &admin, platform: platform)
            AdminCredentialRoutes.register(on: &admin, platform: platform)
            admin.get("/audit") { request in
                let organizationID = try await request.query("org").asyncMap { try await platform.identity.organization($0)?.id ?? "-" }
                return .json(.array(try await platform.audit.entries(organizationID: organizationID).map(\.json)))
            }
        }
    }

    /// The organization named by `{org}` (id or slug), or 404.
    static func organization(_ request: HTTPRequest, _ platform: Platform) async throws -> Organization {
        let key = request.parameter("org")
        guard let organization = try await platform.identity.organization(key) else {
            throw PlatformError.notFound("organization '\(key)' not found")
        }
        return organization
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
