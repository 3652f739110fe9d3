import Gateway
import HTTPCore
import HTTPServer
import JSONSchema

/// Routes a test mounts behind the platform's guard, to exercise every documented credential form.
enum TestRoutes {
    static let allSchemes: [AuthScheme] = [.apiKeyHeader, .tokenHeader, .bearer, .apiKeyField, .cookie]

    static func register(_ router: inout RouterBuilder, _ platform: Platform) {
        router.group("/test", middleware: [SurfaceGuard(platform: platform, schemes: allSchemes, shape: .plain)]) { group in
            group.get("/orgs/{org}/whoami") { request in
                let principal = try request.principal()
                try principal.requireOrganization(request.parameter("org"))
                return .json(["org": .string(principal.organization.slug), "role": .string(principal.role.rawValue),
                              "project": principal.projectID.map(JSONValue.string) ?? nil])
            }
            group.post("/orgs/{org}/writes") { request in
                let principal = try request.principal()
                try principal.requireOrganization(request.parameter("org"))
                try principal.require(.member)
                return .json(["ok": true])
            }
        }
        router.group("/test-callables",
                     middleware: [SurfaceGuard(platform: platform, schemes: [.apiKeyField, .bearer], shape: .dataEnvelope)]) {
            group in
            group.get("/whoami") { request in
                let principal = try request.principal()
                return .json(["data": ["project": principal.projectID.map(JSONValue.string) ?? nil], "error": nil])
            }
        }
    }
}
