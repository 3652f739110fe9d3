import HTTPCore
import HTTPServer
import JSONSchema

/// Service credentials per organization (seed 000's tenant keys, "configured via admin panel") and the
/// platform's own keys per service. Values go in; only field names come out.
enum AdminCredentialRoutes {
    static func register(on admin: inout RouterBuilder, platform: Platform) {
        admin.get("/organizations/{org}/service-credentials") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            return .json(.array(try await platform.credentials.list(organizationID: organization.id, scope: .service).map(\.json)))
        }
        admin.put("/organizations/{org}/service-credentials/{service}") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            return try await put(request, platform: platform, organizationID: organization.id, scope: .service)
        }
        admin.delete("/organizations/{org}/service-credentials/{service}") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            return try await remove(request, platform: platform, organizationID: organization.id, scope: .service)
        }
        admin.get("/platform-keys") { _ in
            .json(.array(try await platform.credentials.list(organizationID: nil, scope: .platform).map(\.json)))
        }
        admin.put("/platform-keys/{service}") { request in
            try await put(request, platform: platform, organizationID: nil, scope: .platform)
        }
        admin.delete("/platform-keys/{service}") { request in
            try await remove(request, platform: platform, organizationID: nil, scope: .platform)
        }
    }

    private static func put(_ request: HTTPRequest, platform: Platform, organizationID: String?, scope: CredentialScope)
        async throws -> HTTPResponse {
        let service = request.parameter("service")
        let body = try request.jsonObject()
        guard !body.isEmpty, body.allSatisfy({ $0.value.stringValue?.isEmpty == false }) else {
            throw PlatformError.invalid("body must be an object of non-empty string fields, e.g. {\"key\": \"…\"}")
        }
        let summary = try await platform.credentials.put(organizationID: organizationID, scope: scope, provider: service,
                                                         data: .object(body))
        try await platform.audit.record(actor: "admin", action: "\(scope.rawValue)-credential.put",
                                        organizationID: organizationID, target: service,
                                        detail: ["fields": .array(summary.fields.map(JSONValue.string))])
        return .json(summary.json)
    }

    private static func remove(_ request: HTTPRequest, platform: Platform, organizationID: String?,
                               scope: CredentialScope) async throws -> HTTPResponse {
        let service = request.parameter("service")
        guard let existing = try await platform.credentials.find(organizationID: organizationID, scope: scope,
                                                                 provider: service),
              try await platform.credentials.delete(id: existing.id, organizationID: organizationID) else {
            throw PlatformError.notFound("no \(scope.rawValue) credential for '\(service)'")
        }
        try await platform.audit.record(actor: "admin", action: "\(scope.rawValue)-credential.delete",
                                        organizationID: organizationID, target: service)
        return HTTPResponse(status: .noContent)
    }
}
