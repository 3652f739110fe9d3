import Foundation
import HTTPClient
import HTTPCore
import JSONSchema

/// Performs seed 000's invoke: checks the service and endpoint, resolves the credential, builds the upstream
/// request, and shapes the answer by the endpoint's response mode.
struct AIProxyInvoker {
    let platform: Platform
    let catalog: ProxyCatalog
    let jobs: ProxyJobs

    /// Caller headers that may pass to the upstream; everything else (Authorization, cookies, hop-by-hop,
    /// provider key headers) is dropped so a caller cannot override the injected credential.
    static let passThroughHeaders: Set<String> = ["accept", "accept-language", "x-request-id", "idempotency-key"]

    func invoke(_ request: HTTPRequest) async throws -> HTTPResponse {
        let principal = try request.principal()
        try principal.requireOrganization(request.parameter("org"))
        let service = try await AIProxyRoutes.service(request, catalog)
        let action = request.parameter("action")
        guard let endpoint = service.endpoints.first(where: { $0.slug == action }) else {
            throw PlatformError.notFound("Endpoint '\(action)' not found for service '\(service.slug)'")
        }
        guard service.isEnabled else { throw PlatformError.forbidden("Service '\(service.slug)' is disabled") }
        guard endpoint.isEnabled else { throw PlatformError.forbidden("Endpoint '\(service.slug)/\(action)' is disabled") }
        let input = try InvokeRequest(request.bodyBytes.isEmpty ? [:] : request.jsonObject())
        if input.stream && !endpoint.supportsStreaming {
            throw PlatformError.invalid("Endpoint '\(service.slug)/\(action)' does not support streaming")
        }
        let key = try await credential(for: service, organization: principal.organization)
        let outbound = try buildRequest(service: service, endpoint: endpoint, input: input, key: key)
        let context = UsageContext(organizationID: principal.organization.id, surface: "ai-proxy",
                                   operation: "\(service.slug).\(endpoint.slug)")
        let response: HTTPClientResponse
        do {
            response = try await platform.upstream.send(outbound, provider: service.provider, context: context)
        } catch let error as UpstreamError {
            throw AIProxyErrors.surfaceError(error)
        }
        return try await AIProxyResponses.shape(response, endpoint: endpoint, streaming: input.stream, jobs: jobs,
                                                 job: JobContext(organizationID: principal.organization.id,
                                                                 service: service.slug, endpoint: endpoint,
                                                                 callbackURL: input.callbackURL, query: input.query))
    }

    /// The key to inject, by the service's credential policy, or a 400 naming what to configure.
    func credential(for service: ProxyService, organization: Organization) async throws -> String {
        let tenant = try await platform.credentials.find(organizationID: organization.id, scope: .service,
                                                         provider: service.credentialName)
        let platformKey = try await platform.credentials.find(organizationID: nil, scope: .platform,
                                                              provider: service.credentialName)
        let choice = CredentialResolver.choose(service.credentialPolicy, tenantConfigured: tenant != nil,
                                               platformConfigured: platformKey != nil)
        let summary = choice == .tenant ? tenant : choice == .platform ? platformKey : nil
        guard let summary,
              let secrets = try await platform.credentials.secrets(id: summary.id, organizationID: summary.organizationID),
              let key = secrets["key"]?.stringValue ?? secrets.objectValue?.values.first?.stringValue else {
            throw PlatformError.invalid(CredentialResolver.missingMessage(service, organization: organization.slug))
        }
        return key
    }

    func buildRequest(service: ProxyService, endpoint: ProxyEndpoint, input: InvokeRequest, key: String) throws
        -> HTTPClientRequest {
        var path = try PathTemplate.fill(endpoint.pathTemplate, with: input.pathParameters, endpoint: endpoint.slug)
        if input.stream { path += "/stream" }
        var query = input.query
        var headers = HTTPHeaders()
        for (name, value) in input.headers where Self.passThroughHeaders.contains(name.lowercased()) {
            headers.add(name: name, value: value)
        }
        switch service.authMode {
        case "bearer": headers.replaceOrAdd(name: "Authorization", value: "Bearer \(key)")
        case "query": query.append((service.authName, key))
        default: headers.replaceOrAdd(name: service.authName, value: key)
        }
        var url = platform.upstream.directory.url(base: endpoint.baseURL ?? service.baseURL, path: path)
        if !query.isEmpty { url += "?" + FormURLEncoding.encode(query) }
        return HTTPClientRequest(method: HTTPMethod(rawValue: endpoint.httpMethod) ?? .get, url: url, headers: headers,
                                 body: try AIProxyBodies.body(for: endpoint, input: input),
                                 timeout: .seconds(service.defaultTimeoutSeconds))
    }
}
