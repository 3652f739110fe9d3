import HTTPCore
import HTTPServer
import JSONSchema

/// `/admin/organizations/{org}/keys…`: API keys, shown once at creation in every surface's form.
enum AdminKeyRoutes {
    static func register(on admin: inout RouterBuilder, platform: Platform) {
        admin.get("/organizations/{org}/keys") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            return .json(.array(try await platform.identity.apiKeys(organizationID: organization.id).map(\.json)))
        }
        admin.post("/organizations/{org}/keys") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            let body = try request.jsonObject()
            var projectID = try body.optionalString("projectId")
            if let id = projectID {
                guard try await platform.identity.project(id: id, organizationID: organization.id) != nil else {
                    throw PlatformError.notFound("project '\(id)' not found")
                }
            } else if body["projectId"] == nil {
                projectID = try await platform.identity.projects(organizationID: organization.id).first?.id
            }
            let scopes = body["scopes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let rateLimit = body["rateLimit"]?.intValue
            let (record, secret) = try await platform.identity.createAPIKey(
                organizationID: organization.id, projectID: projectID, name: try body.optionalString("name") ?? "key",
                role: try AdminMemberRoutes.parseRole(body, default: .admin), scopes: scopes, rateLimit: rateLimit)
            try await platform.audit.record(actor: "admin", action: "key.create", organizationID: organization.id,
                                            target: record.id, detail: ["role": .string(record.role.rawValue)])
            var json = record.json
            json["key"] = .string(secret.token)
            json["callableKey"] = .string(secret.callableForm)
            return .json(json, status: .created)
        }
        admin.delete("/organizations/{org}/keys/{key}") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            let id = request.parameter("key")
            guard try await platform.identity.revokeAPIKey(id: id, organizationID: organization.id) else {
                throw PlatformError.notFound("key '\(id)' not found")
            }
            try await platform.audit.record(actor: "admin", action: "key.revoke", organizationID: organization.id, target: id)
            return HTTPResponse(status: .noContent)
        }
    }
}
