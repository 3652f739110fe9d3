import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 004: `/api/v1/organizations/{orgId}/projects/{projectId}/agents/{agentId}/api-endpoints/{endpoint_name}`
/// (POST, PUT, GET, DELETE) and `…/api-config` (GET, POST bulk replace). JWT only; viewers read, members write.
enum AgentEndpointRoutes {
    static let prefix = "/api/v1/organizations/{orgId}/projects/{projectId}/agents/{agentId}"

    static func register(on router: inout RouterBuilder, platform: Platform, log: @escaping @Sendable (String) -> Void) {
        let store = AgentStore(platform: platform)
        let guardian = SurfaceGuard(platform: platform, schemes: [.bearer], shape: .plain, log: log)
        router.group(prefix, middleware: [guardian, JWTOnly()]) { group in
            group.post("/api-endpoints/{name}") { request in
                var agent = try await caller(request, store, needs: .member)
                let name = request.parameter("name")
                try EndpointConfig.validateName(name)
                guard agent.endpoints[name] == nil else {
                    throw SurfaceError(.badRequest, "Endpoint '\(name)' already exists. Use PUT to update it.")
                }
                let endpoint = try EndpointConfig.validate(try request.jsonObject(), partial: false)
                var endpoints = agent.endpoints
                endpoints[name] = .object(endpoint)
                agent.apiConfig["endpoints"] = .object(endpoints)
                try await store.saveConfig(agent)
                return .json(["message": "API endpoint added successfully", "endpoint_name": .string(name),
                              "endpoint": EndpointConfig.sanitized(endpoint)], status: .created)
            }
            group.put("/api-endpoints/{name}") { request in
                var agent = try await caller(request, store, needs: .member)
                let name = request.parameter("name")
                guard let existing = agent.endpoints[name]?.objectValue else {
                    throw PlatformError.notFound("Endpoint '\(name)' not found")
                }
                let endpoint = try EndpointConfig.validate(try request.jsonObject(), partial: true, existing: existing)
                var endpoints = agent.endpoints
                endpoints[name] = .object(endpoint)
                agent.apiConfig["endpoints"] = .object(endpoints)
                try await store.saveConfig(agent)
                return .json(["message": "API endpoint updated successfully", "endpoint_name": .string(name),
                              "endpoint": EndpointConfig.sanitized(endpoint)])
            }
            group.get("/api-endpoints/{name}") { request in
                let agent = try await caller(request, store, needs: .viewer)
                let name = request.parameter("name")
                guard let endpoint = agent.endpoints[name]?.objectValue else {
                    throw PlatformError.notFound("Endpoint '\(name)' not found")
                }
                return .json(["endpoint_name": .string(name), "endpoint": EndpointConfig.sanitized(endpoint)])
            }
            group.delete("/api-endpoints/{name}") { request in
                var agent = try await caller(request, store, needs: .member)
                let name = request.parameter("name")
                var endpoints = agent.endpoints
                guard endpoints.removeValue(forKey: name) != nil else { throw PlatformError.notFound("Endpoint '\(name)' not found") }
                agent.apiConfig["endpoints"] = .object(endpoints)
                try await store.saveConfig(agent)
                return .json(["message": "API endpoint deleted successfully", "endpoint_name": .string(name)])
            }
            group.get("/api-config") { request in
                let agent = try await caller(request, store, needs: .viewer)
                return .json(.object(config(agent, deprecatedRoot: true)))
            }
            group.post("/api-config") { request in
                var agent = try await caller(request, store, needs: .member)
                let body = try request.jsonObject()
                guard let given = body["endpoints"]?.objectValue else {
                    throw EndpointConfig.fieldErrors([("endpoints", "endpoints must be an object of endpoint_name to endpoint")])
                }
                var endpoints = JSONObject()
                for (name, value) in given {
                    try EndpointConfig.validateName(name)
                    guard let object = value.objectValue else {
                        throw EndpointConfig.fieldErrors([("endpoints.\(name)", "must be an object")])
                    }
                    endpoints[name] = .object(try EndpointConfig.validate(object, partial: false, prefix: "endpoints.\(name)."))
                }
                agent.apiConfig["endpoints"] = .object(endpoints)
                agent.apiConfig["authentication"] = try EndpointConfig.validateAuthentication(body["authentication"] ?? nil)
                try await store.saveConfig(agent)
                var answer = config(agent, deprecatedRoot: false)
                answer["message"] = "API configuration updated successfully"
                return .json(.object(answer))
            }
        }
    }

    /// The agent named in the path, for a caller of the path's organization with at least `needs`; 404s for
    /// another organization, an unknown project or agent; 400 when the agent has no api_caller tool.
    static func caller(_ request: HTTPRequest, _ store: AgentStore, needs role: Role) async throws -> AgentRecord {
        let principal = try request.principal()
        guard request.parameter("orgId") == principal.organization.id else { throw PlatformError.notFound("Organization not found") }
        try principal.require(role)
        guard let agent = try await store.agent(request.parameter("agentId"), organizationID: principal.organization.id,
                                                projectID: request.parameter("projectId")) else {
            throw PlatformError.notFound("Agent not found")
        }
        guard agent.hasAPICaller else { throw SurfaceError(.badRequest, "Agent does not have api_caller tool configured") }
        return agent
    }

    /// `{"endpoints": {…sanitized}, "authentication": …, "summarization": {}}`.
    static func config(_ agent: AgentRecord, deprecatedRoot: Bool) -> JSONObject {
        var endpoints = JSONObject()
        for (name, value) in agent.endpoints { endpoints[name] = EndpointConfig.sanitized(value.objectValue ?? [:]) }
        var root = EndpointConfig.sanitizedAuthentication(agent.apiConfig["authentication"] ?? nil)
        if deprecatedRoot, root.objectValue != nil { root["deprecated"] = true }
        if !deprecatedRoot, let type = root["type"] { root = ["type": type] }
        return ["endpoints": .object(endpoints), "authentication": root, "summarization": agent.summarization]
    }
}

/// Seed 004 documents JWT authentication: API keys are refused here.
struct JWTOnly: HTTPMiddleware {
    func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
        guard case .member = try request.principal().credential else {
            throw PlatformError.unauthenticated("this API requires a JWT (Authorization: Bearer <JWT>)")
        }
        return try await next.respond(to: request)
    }
}
