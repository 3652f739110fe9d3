import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSONSchema

/// Seed 001's execute: validates, picks the key, calls the provider through the platform's upstream client,
/// and answers `{"success", "data": NormalizedLLMResponse, "requestId", "durationMs"}`, or an SSE stream.
struct LLMExecutor {
    let platform: Platform

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let principal = try request.principal()
        let start = ContinuousClock.now
        let requestID = "req_" + SecureRandom.hexToken(bytes: 8)
        let execute = try ExecuteRequest(try request.jsonObject())
        let key = try await LLMCredentials.key(for: execute.provider.name, credentialID: execute.credentialID,
                                               organization: principal.organization, platform: platform)
        let adapter = execute.provider.adapter
        let (path, body) = adapter.request(for: execute)
        let url = platform.upstream.directory.url(base: execute.provider.baseURL, path: path)
        var headers: HTTPHeaders = ["Authorization": "Bearer \(key)"]
        if execute.stream { headers.add(name: "Accept", value: "text/event-stream") }
        let outbound = HTTPClientRequest(method: .post, url: url, headers: headers, body: .json(body.serializedBytes()),
                                         timeout: execute.timeout)
        let context = UsageContext(organizationID: principal.organization.id, surface: "integrations",
                                   operation: execute.operation)
        let response: HTTPClientResponse
        do {
            response = try await platform.upstream.send(outbound, provider: execute.provider.name, context: context)
        } catch let error as UpstreamError {
            throw LLMErrors.fromUpstream(error)
        }
        guard response.status.code < 400 else {
            throw LLMErrors.fromProvider(status: response.status.code, body: try await response.collect(upTo: 1 << 20),
                                         retryAfter: response.headers["Retry-After"])
        }
        if execute.stream {
            return LLMStreamRelay.relay(response, execute: execute, adapter: adapter, requestID: requestID, start: start) { prompt, completion in
                try? await platform.usage.addTokens(organizationID: principal.organization.id, provider: execute.provider.name,
                                                    operation: execute.operation, prompt: prompt, completion: completion)
            }
        }
        let bytes = try await response.collect(upTo: 64 << 20)
        guard let value = try? JSONValue(parsing: bytes) else {
            throw SurfaceError(.badGateway, "Provider returned a body that is not JSON")
        }
        var normalized = try adapter.normalize(value, execute: execute)
        try? await platform.usage.addTokens(organizationID: principal.organization.id, provider: execute.provider.name,
                                            operation: execute.operation, prompt: normalized.promptTokens,
                                            completion: normalized.completionTokens)
        normalized.metadata["latencyMs"] = .number(JSONNumber(Self.milliseconds(since: start)))
        return .json(["success": true, "data": normalized.json, "requestId": .string(requestID),
                      "durationMs": .number(JSONNumber(Self.milliseconds(since: start)))])
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// The key for an LLM call: a named tenant credential (`credentialId`), else the organization's key for the
/// provider (admin service credentials), else the platform's key.
enum LLMCredentials {
    static func key(for provider: String, credentialID: String?, organization: Organization, platform: Platform)
        async throws -> String {
        let credentials = platform.credentials
        var secrets: JSONValue?
        if let credentialID {
            guard let found = try await credentials.secrets(id: credentialID, organizationID: organization.id) else {
                throw PlatformError.notFound("credential '\(credentialID)' not found")
            }
            secrets = found
        } else if let tenant = try await credentials.find(organizationID: organization.id, scope: .service, provider: provider) {
            secrets = try await credentials.secrets(id: tenant.id, organizationID: organization.id)
        } else if let shared = try await credentials.find(organizationID: nil, scope: .platform, provider: provider) {
            secrets = try await credentials.secrets(id: shared.id, organizationID: nil)
        }
        for field in ["api_key", "key", "token", "secret_key"] {
            if let key = secrets?[field]?.stringValue { return key }
        }
        throw PlatformError.invalid("""
            No credential for provider '\(provider)': pass credentialId, or configure the organization's key \
            (PUT /admin/organizations/\(organization.slug)/service-credentials/\(provider)) or the platform's \
            (PUT /admin/platform-keys/\(provider))
            """)
    }
}

/// Provider and transport failures as the reference reports them: status, `errorCategory`, `retryable`.
enum LLMErrors {
    static func fromUpstream(_ error: UpstreamError) -> SurfaceError {
        switch error {
        case .timeout(let provider): return SurfaceError(.gatewayTimeout, "Provider \(provider) timed out")
        case .unreachable(let provider, _):
            return SurfaceError(.badGateway, "Provider \(provider) could not be reached",
                                body: body("Provider \(provider) could not be reached", category: "network", retryable: true))
        case .circuitOpen(let provider, let retryAfter):
            return SurfaceError(.serviceUnavailable, "Circuit breaker open for \(provider); retry in \(retryAfter) s")
        }
    }

    /// Upstream 401/403 → 502 auth, 404 → 404 not_found, 400/422 → 400 validation, 429 → 429 rate_limit,
    /// others → 502 provider; the provider's own message is kept.
    static func fromProvider(status: Int, body bytes: [UInt8], retryAfter: String?) -> SurfaceError {
        let value = try? JSONValue(parsing: bytes)
        let message = value?["error"]?["message"]?.stringValue ?? value?["error"]?.stringValue ?? "status \(status)"
        let (code, category, retryable): (Int, String, Bool) = switch status {
        case 401, 403: (502, "auth", false)
        case 404: (404, "not_found", false)
        case 400, 422: (400, "validation", false)
        case 429: (429, "rate_limit", true)
        case 402: (502, "quota", false)
        default: (502, "provider", true)
        }
        var json = Self.body("Provider error: \(message)", category: category, retryable: retryable)
        json["providerStatus"] = .number(JSONNumber(status))
        if let retryAfter { json["retryAfter"] = .string(retryAfter) }
        return SurfaceError(HTTPStatus(code: code), message, body: json)
    }

    static func body(_ message: String, category: String, retryable: Bool) -> JSONValue {
        ["success": false, "error": .string(message), "errorCategory": .string(category), "retryable": .bool(retryable)]
    }
}
