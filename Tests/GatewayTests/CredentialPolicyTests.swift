@testable import Gateway
import Testing

@Suite("Seed 000: credential policy, every combination")
struct CredentialPolicyTests {
    struct Combination: CustomStringConvertible {
        let policy: CredentialPolicy
        let tenant: Bool
        let platform: Bool
        var description: String {
            "tenant \(policy.allowTenantKey ? "allowed" : "denied")/\(tenant ? "set" : "unset"), platform "
                + "\(policy.allowPlatformKey ? "allowed" : "denied")/\(platform ? "set" : "unset"), default "
                + "\(policy.defaultSource), fallback \(policy.fallbackToPlatformKey)"
        }
    }

    static let combinations: [Combination] = {
        var all: [Combination] = []
        for allowTenant in [true, false] { for allowPlatform in [true, false] { for source in ["tenant", "platform"] {
            for fallback in [true, false] { for tenant in [true, false] { for platform in [true, false] {
                all.append(Combination(policy: CredentialPolicy(allowTenantKey: allowTenant, allowPlatformKey: allowPlatform,
                                                                defaultSource: source, fallbackToPlatformKey: fallback),
                                       tenant: tenant, platform: platform))
            } } } } } }
        return all
    }()

    /// The expected source, written out from the seed's words rather than from the resolver.
    static func expected(_ combination: Combination) -> CredentialResolver.Source? {
        let policy = combination.policy
        let tenantUsable = policy.allowTenantKey && combination.tenant
        let platformUsable = policy.allowPlatformKey && combination.platform
        if policy.defaultSource == "platform" {
            return platformUsable ? .platform : tenantUsable ? .tenant : nil
        }
        if tenantUsable { return .tenant }
        let mayUsePlatform = policy.fallbackToPlatformKey || !policy.allowTenantKey
        return platformUsable && mayUsePlatform ? .platform : nil
    }

    @Test("the chosen key follows the policy", arguments: combinations)
    func choice(_ combination: Combination) {
        let chosen = CredentialResolver.choose(combination.policy, tenantConfigured: combination.tenant,
                                               platformConfigured: combination.platform)
        #expect(chosen == Self.expected(combination))
        if chosen == .tenant { #expect(combination.policy.allowTenantKey) }
        if chosen == .platform { #expect(combination.policy.allowPlatformKey) }
    }

    @Test("with no usable key, invoke says which credential to configure")
    func missingCredential() async throws {
        let provider = try AIProxyInvokeTests.provider()
        let gateway = try await TestGateway.start(upstreams: UpstreamDirectory(overrides: ["elevenlabs": provider.baseURL]))
        let response = try await gateway.request(
            "POST", "/api/ai-proxy/orgs/demo/services/elevenlabs/list-voices/",
            headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"], body: "{}")
        #expect(response.status == 400)
        let message = try #require(response.json["error"]?.stringValue)
        #expect(message.contains("/admin/organizations/demo/service-credentials/elevenlabs"))
        #expect(message.contains("/admin/platform-keys/elevenlabs"))
        #expect(provider.requests.isEmpty)
        await gateway.stop()
        await provider.stop()
    }
}
