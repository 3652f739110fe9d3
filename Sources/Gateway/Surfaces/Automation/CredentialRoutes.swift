import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 002 `/api/v1/credentials`: create (sealed by the vault), list and get (sanitized), delete.
enum CredentialRoutes {
    static let types: Set<String> = ["oauth", "api_key", "token", "custom"]

    /// Fields each provider's connector needs (seed 002, "Available Connectors").
    static let requiredFields: [String: [String]] = [
        "slack": ["bot_token"], "stripe": ["secret_key"], "discord": ["bot_token"],
        "smtp": ["host", "port", "user", "password"], "email": ["host", "port", "user", "password"],
    ]

    static func register(on group: inout RouterBuilder, platform: Platform) {
        let store = platform.credentials
        group.post("/credentials") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let body = try request.jsonObject()
            let name = try body.requiredString("name")
            let type = try body.requiredString("type")
            guard types.contains(type) else { throw PlatformError.invalid("type must be one of oauth, api_key, token, custom") }
            let provider = try body.requiredString("provider")
            guard let data = body["data"]?.objectValue, !data.isEmpty else {
                throw PlatformError.invalid("data is required: an object of the credential's secret fields")
            }
            let missing = (requiredFields[provider] ?? []).filter { data[$0] == nil || data[$0]?.isNull == true }
            guard missing.isEmpty else {
                throw PlatformError.invalid("data is missing required fields for \(provider): \(missing.joined(separator: ", "))")
            }
            let metadata = body["metadata"] ?? [:]
            guard metadata.objectValue != nil else { throw PlatformError.invalid("metadata must be an object") }
            let summary = try await store.create(organizationID: principal.organization.id, scope: .tenant, name: name,
                                                 description: try body.optionalString("description"), type: type,
                                                 provider: provider, data: .object(data), metadata: metadata)
            return .json(summary.json, status: .created)
        }
        group.get("/credentials") { request in
            let principal = try request.principal()
            return .json(.array(try await store.list(organizationID: principal.organization.id, scope: .tenant).map(\.json)))
        }
        group.get("/credentials/{id}") { request in
            .json(try await credential(request, platform).json)
        }
        group.delete("/credentials/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await store.delete(id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Credential not found")
            }
            return HTTPResponse(status: .noContent)
        }
    }

    /// The caller's tenant credential named in the path, or 404.
    static func credential(_ request: HTTPRequest, _ platform: Platform) async throws -> CredentialSummary {
        let principal = try request.principal()
        guard let summary = try await platform.credentials.get(id: request.parameter("id"), organizationID: principal.organization.id),
              summary.scope == .tenant else {
            throw PlatformError.notFound("Credential not found")
        }
        return summary
    }
}
