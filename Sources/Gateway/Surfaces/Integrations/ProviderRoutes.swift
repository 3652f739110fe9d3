import HTTPClient
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 001's execute and provider endpoints: `/execute`, `/providers`, `/providers/{provider}`,
/// `/providers/{provider}/models` (asked of the provider), `/capabilities`.
enum ProviderRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform) {
        let executor = LLMExecutor(platform: platform)
        group.post("/execute") { request in try await executor.execute(request) }
        group.get("/providers") { _ in .json(["providers": .array(try await infos(platform))]) }
        group.get("/providers/{provider}") { request in
            let provider = try provider(request)
            return .json(provider.info(configured: try await configured(provider.name, platform)))
        }
        group.get("/providers/{provider}/models") { request in
            let provider = try provider(request)
            let models = try await models(of: provider, request: request, platform: platform)
            let capability = request.query("capability")
            let filtered = capability.map { wanted in models.filter { $0["purpose"]?.stringValue == wanted } } ?? models
            return .json(["provider": .string(provider.name), "models": .array(filtered)])
        }
        group.get("/capabilities") { _ in .json(try await capabilities(platform)) }
    }

    static func provider(_ request: HTTPRequest) throws -> LLMProvider {
        let name = request.parameter("provider")
        guard let provider = LLMProvider.named(name) else { throw PlatformError.notFound("Provider '\(name)' not found") }
        return provider
    }

    static func configured(_ name: String, _ platform: Platform) async throws -> Bool {
        try await platform.credentials.find(organizationID: nil, scope: .platform, provider: name) != nil
    }

    static func infos(_ platform: Platform) async throws -> [JSONValue] {
        var result: [JSONValue] = []
        for provider in LLMProvider.all { result.append(provider.info(configured: try await configured(provider.name, platform))) }
        return result
    }

    /// OpenAI's models come from its `GET /v1/models`; Hugging Face's inference API has no model list, so its
    /// known models are listed.
    static func models(of provider: LLMProvider, request: HTTPRequest, platform: Platform) async throws -> [JSONValue] {
        guard provider.name == "openai" else {
            return provider.knownModels.map { ["id": .string($0.id), "purpose": .string($0.purpose)] }
        }
        let principal = try request.principal()
        let key = try await LLMCredentials.key(for: provider.name, credentialID: request.query("credentialId"),
                                               organization: principal.organization, platform: platform)
        let outbound = HTTPClientRequest(method: .get, url: platform.upstream.directory.url(base: provider.baseURL, path: "/v1/models"),
                                         headers: ["Authorization": "Bearer \(key)"], timeout: .seconds(30))
        let response: HTTPClientResponse
        do {
            response = try await platform.upstream.send(outbound, provider: provider.name, context: UsageContext(
                organizationID: principal.organization.id, surface: "integrations", operation: "models"))
        } catch let error as UpstreamError {
            throw LLMErrors.fromUpstream(error)
        }
        let bytes = try await response.collect(upTo: 8 << 20)
        guard response.status.code < 400 else {
            throw LLMErrors.fromProvider(status: response.status.code, body: bytes, retryAfter: response.headers["Retry-After"])
        }
        let data = (try? JSONValue(parsing: bytes))?["data"]?.arrayValue ?? []
        return data.compactMap { model in
            guard let id = model["id"]?.stringValue else { return nil }
            let purpose = id.contains("embedding") ? "embedding" : id.contains("o1") || id.contains("o3") ? "reasoning" : "chat"
            return ["id": .string(id), "ownedBy": model["owned_by"] ?? nil, "created": model["created"] ?? nil,
                    "purpose": .string(purpose)]
        }
    }

    /// The reference's `CapabilitiesResponse`: providers, per-provider operations, models by purpose, defaults.
    static func capabilities(_ platform: Platform) async throws -> JSONValue {
        var byProvider = JSONObject()
        var chat: [JSONValue] = [], embedding: [JSONValue] = []
        for provider in LLMProvider.all {
            byProvider[provider.name] = ["operations": .array(provider.operations.map(JSONValue.string)),
                                         "defaultModel": .string(provider.defaultModel),
                                         "defaultEmbeddingModel": .string(provider.defaultEmbeddingModel)]
            chat.append(["provider": .string(provider.name), "model": .string(provider.defaultModel)])
            embedding.append(["provider": .string(provider.name), "model": .string(provider.defaultEmbeddingModel)])
        }
        return ["providers": .array(try await infos(platform)), "byProvider": .object(byProvider),
                "modelsByPurpose": ["chat": .array(chat), "embedding": .array(embedding), "vision": [], "reasoning": []],
                "defaults": ["chat": chat[0], "embedding": embedding[0]]]
    }
}
