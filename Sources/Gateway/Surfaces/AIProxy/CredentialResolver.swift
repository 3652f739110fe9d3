import JSONSchema

/// Which key a call uses under a service's `credential_policy` (seed 000, "Credentials").
enum CredentialResolver {
    enum Source: String, Equatable {
        case tenant, platform
    }

    /// The sources to try, in order: the default first; the platform after the tenant only when
    /// `fallback_to_platform_key` allows it; each only when the policy allows that source.
    static func order(_ policy: CredentialPolicy) -> [Source] {
        var order: [Source] = []
        if policy.defaultSource == "platform" {
            if policy.allowPlatformKey { order.append(.platform) }
            if policy.allowTenantKey { order.append(.tenant) }
        } else {
            if policy.allowTenantKey { order.append(.tenant) }
            if policy.allowPlatformKey && (policy.fallbackToPlatformKey || !policy.allowTenantKey) { order.append(.platform) }
        }
        return order
    }

    /// The first configured source in policy order, or nil.
    static func choose(_ policy: CredentialPolicy, tenantConfigured: Bool, platformConfigured: Bool) -> Source? {
        order(policy).first { $0 == .tenant ? tenantConfigured : platformConfigured }
    }

    /// The error text telling the caller which credential to configure.
    static func missingMessage(_ service: ProxyService, organization: String) -> String {
        let order = order(service.credentialPolicy)
        guard !order.isEmpty else {
            return "Service '\(service.slug)' allows neither a tenant nor a platform key; enable one in its credential_policy"
        }
        let options = order.map { source -> String in
            source == .tenant
                ? "the organization's '\(service.credentialName)' key (PUT /admin/organizations/\(organization)/service-credentials/\(service.credentialName))"
                : "the platform's '\(service.credentialName)' key (PUT /admin/platform-keys/\(service.credentialName))"
        }
        return "No credential configured for service '\(service.slug)': configure " + options.joined(separator: " or ")
    }
}
