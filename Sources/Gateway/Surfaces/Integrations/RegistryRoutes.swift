import Crypto
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 001's `/invoke`, `/registry`, `/register` and `/registry/{key}/operations`, over the platform's
/// integration registry and operation invoker.
enum RegistryRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform, registry: IntegrationRegistry) {
        let invoker = OperationInvoker(platform: platform)
        group.get("/registry") { request in
            let principal = try request.principal()
            return .json(.array(try await registry.integrations(organizationID: principal.organization.id).map(\.json)))
        }
        group.get("/registry/{key}/operations") { request in
            let integration = try await integration(request, registry)
            return .json(.array(integration.operations.map { $0.json(integration: integration.key) }))
        }
        group.post("/register") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let body = try JSONValue.object(request.jsonObject())
            let integration = try await registry.register(body, organizationID: principal.organization.id)
            return .json(["success": true, "integration": integration.json,
                          "operations": .array(integration.operations.map { $0.json(integration: integration.key) })])
        }
        group.post("/invoke") { request in
            let principal = try request.principal()
            let body = try request.jsonObject()
            let qualified = try body.requiredString("operation")
            let (integration, operation) = try await resolve(qualified, registry: registry, organization: principal.organization)
            let credential = try await IntegrationCredentials.secrets(
                for: integration, credentialID: try body.optionalString("credentialId"), organization: principal.organization,
                platform: platform)
            let timeout = try UpstreamTimeout.parse(body, default: .seconds(30))
            let requestID = "req_" + SecureRandom.hexToken(bytes: 8)
            let result: OperationResult
            do {
                result = try await invoker.run(integration, operation, input: body["body"] ?? [:], credential: credential,
                                               context: UsageContext(organizationID: principal.organization.id,
                                                                     surface: "integrations", operation: qualified),
                                               timeout: timeout)
            } catch let error as UpstreamError {
                throw LLMErrors.fromUpstream(error)
            }
            let succeeded = result.status < 400 && result.body["ok"] != false
            var answer: JSONObject = ["success": .bool(succeeded), "data": result.body, "status": .number(JSONNumber(result.status)),
                                      "operation": .string(qualified), "requestId": .string(requestID),
                                      "durationMs": .number(JSONNumber(result.durationMs))]
            if !succeeded {
                answer["error"] = .string(result.body["error"]?.stringValue ?? result.body["error"]?["message"]?.stringValue
                                          ?? "the provider answered \(result.status)")
                answer["errorCategory"] = .string(result.status == 429 ? "rate_limit" : result.status == 401 ? "auth" : "provider")
                answer["retryable"] = .bool(result.status == 429 || result.status >= 500)
            }
            return .json(.object(answer), status: succeeded ? .ok : .badGateway)
        }
    }

    static func integration(_ request: HTTPRequest, _ registry: IntegrationRegistry) async throws -> Integration {
        let key = request.parameter("key")
        guard let integration = try await registry.integration(key, organizationID: try request.principal().organization.id) else {
            throw PlatformError.notFound("Integration '\(key)' not found")
        }
        return integration
    }

    /// `integration.operation` to both parts, or 404 naming what is missing.
    static func resolve(_ qualified: String, registry: IntegrationRegistry, organization: Organization) async throws
        -> (Integration, IntegrationOperation) {
        let parts = qualified.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw PlatformError.invalid("operation must be '<integration>.<operation>', e.g. slack.send_message") }
        guard let integration = try await registry.integration(parts[0], organizationID: organization.id),
              let operation = integration.operations.first(where: { $0.id == parts[1] }) else {
            throw PlatformError.notFound("Operation '\(qualified)' not found")
        }
        return (integration, operation)
    }
}

/// The credential for an integration call: a named tenant credential, else the organization's key for the
/// integration, else the platform's.
enum IntegrationCredentials {
    static func secrets(for integration: Integration, credentialID: String?, organization: Organization,
                        platform: Platform) async throws -> JSONValue? {
        let store = platform.credentials
        if let credentialID {
            guard let secrets = try await store.secrets(id: credentialID, organizationID: organization.id) else {
                throw PlatformError.notFound("credential '\(credentialID)' not found")
            }
            return secrets
        }
        if let tenant = try await store.find(organizationID: organization.id, scope: .service, provider: integration.key) {
            return try await store.secrets(id: tenant.id, organizationID: organization.id)
        }
        if let shared = try await store.find(organizationID: nil, scope: .platform, provider: integration.key) {
            return try await store.secrets(id: shared.id, organizationID: nil)
        }
        guard integration.requiredFields.isEmpty else {
            throw PlatformError.invalid("""
                No credential for '\(integration.key)': pass credentialId, or configure the organization's \
                (PUT /admin/organizations/\(organization.slug)/service-credentials/\(integration.key)) with \
                \(integration.requiredFields.joined(separator: ", "))
                """)
        }
        return nil
    }
}
