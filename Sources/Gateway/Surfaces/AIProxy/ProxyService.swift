import JSONSchema

/// Who supplies the upstream key for a service (seed 000, `credential_policy`).
public struct CredentialPolicy: Sendable, Equatable {
    public var allowTenantKey: Bool
    public var allowPlatformKey: Bool
    /// "tenant" or "platform": which key is tried first.
    public var defaultSource: String
    /// Whether a missing tenant key falls back to the platform key.
    public var fallbackToPlatformKey: Bool
}

/// One proxied service with its upstream settings (seed 000, "Get Service Details").
public struct ProxyService: Sendable, Equatable {
    public var slug: String
    public var displayName: String
    public var serviceType: String
    public var baseURL: String
    /// The upstream provider in the platform catalog ("elevenlabs", "heygen").
    public var provider: String
    /// "header", "bearer" or "query".
    public var authMode: String
    /// The header or query parameter that carries the key.
    public var authName: String
    public var isEnabled: Bool
    public var supportsAsyncJobs: Bool
    public var supportsStreaming: Bool
    public var defaultTimeoutSeconds: Int
    public var credentialName: String
    public var credentialPolicy: CredentialPolicy
    public var credentialSchema: JSONValue
    public var endpoints: [ProxyEndpoint]
}

/// One action of a service (seed 000, `endpoints[]`).
public struct ProxyEndpoint: Sendable, Equatable {
    public var slug: String
    public var pathTemplate: String
    public var httpMethod: String
    public var requestMode: String
    public var responseMode: String
    public var supportsStreaming: Bool
    public var callbackMode: String
    public var isEnabled: Bool
    /// A host other than the service's (HeyGen's upload.heygen.com); not part of the documented shape.
    public var baseURL: String?
    /// "submit" or "status" for the endpoints of an asynchronous job.
    public var jobRole: String?
}

extension ProxyService {
    /// The list item of "List All Services": exactly the documented fields.
    var summaryJSON: JSONValue {
        ["slug": .string(slug), "display_name": .string(displayName), "service_type": .string(serviceType),
         "is_enabled": .bool(isEnabled), "supports_async_jobs": .bool(supportsAsyncJobs),
         "supports_streaming": .bool(supportsStreaming), "credential_name": .string(credentialName),
         "endpoint_count": .number(JSONNumber(endpoints.count))]
    }

    /// "Get Service Details": exactly the documented fields, in the documented order.
    var detailJSON: JSONValue {
        ["slug": .string(slug), "display_name": .string(displayName), "base_url": .string(baseURL),
         "service_type": .string(serviceType), "auth_mode": .string(authMode), "is_enabled": .bool(isEnabled),
         "supports_async_jobs": .bool(supportsAsyncJobs), "supports_streaming": .bool(supportsStreaming),
         "default_timeout_seconds": .number(JSONNumber(defaultTimeoutSeconds)), "credential_name": .string(credentialName),
         "credential_policy": [
            "allow_tenant_key": .bool(credentialPolicy.allowTenantKey),
            "allow_platform_key": .bool(credentialPolicy.allowPlatformKey),
            "default_source": .string(credentialPolicy.defaultSource),
            "fallback_to_platform_key": .bool(credentialPolicy.fallbackToPlatformKey),
         ],
         "credential_schema": credentialSchema,
         "endpoints": .array(endpoints.map(\.json))]
    }
}

extension ProxyEndpoint {
    var json: JSONValue {
        ["slug": .string(slug), "path_template": .string(pathTemplate), "http_method": .string(httpMethod),
         "request_mode": .string(requestMode), "response_mode": .string(responseMode),
         "supports_streaming": .bool(supportsStreaming), "callback_mode": .string(callbackMode),
         "is_enabled": .bool(isEnabled)]
    }
}
