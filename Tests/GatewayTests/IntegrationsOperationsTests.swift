import Foundation
import Gateway
import JSONSchema
import Store
import Testing

@Suite("Seed 001: status, circuit breakers, usage, database")
struct IntegrationsOperationsTests {
    @Test("five upstream failures open the provider's breaker; calls are then refused; reset closes it", arguments: IntegrationsRoutesPrefix.all)
    func breakerFromRealFailures(_ prefix: String) async throws {
        let provider = try AIProxyInvokeTests.provider()
        let gateway = try await AIProxyInvokeTests.start(provider)
        let bearer = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"]
        for _ in 0..<5 {
            let failed = try await gateway.request("POST", "/api/ai-proxy/orgs/demo/services/heygen/list-avatars/",
                                                   headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"], body: "{}")
            #expect(failed.status == 502)
        }
        let breakers = try await gateway.request("GET", "\(prefix)/circuit-breaker", headers: bearer)
        #expect(breakers.json["heygen"]?["state"] == "open")
        #expect(breakers.json["heygen"]?["failures"] == 5)
        #expect(breakers.json["openai"]?["state"] == "closed")
        let refused = try await gateway.request("POST", "/api/ai-proxy/orgs/demo/services/heygen/list-voices/",
                                                headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"], body: "{}")
        #expect(refused.status == 503)
        #expect(refused.json["error"]?.stringValue?.contains("circuit open") == true)
        let callsBefore = provider.requests.count
        let viewer = try await gateway.request("POST", "\(prefix)/circuit-breaker/reset/heygen",
                                               headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.viewer]!)"])
        #expect(viewer.status == 403)
        #expect(viewer.json["errorCategory"] == "auth")
        let reset = try await gateway.request("POST", "\(prefix)/circuit-breaker/reset/heygen", headers: bearer)
        #expect(reset.json["success"] == true)
        #expect(try await gateway.request("GET", "\(prefix)/circuit-breaker", headers: bearer).json["heygen"]?["state"] == "closed")
        #expect(provider.requests.count == callsBefore, "an open breaker sent nothing upstream")
        #expect(try await gateway.request("POST", "\(prefix)/circuit-breaker/reset/nope", headers: bearer).status == 404)
        let status = try await gateway.request("GET", "\(prefix)/status")
        #expect(status.status == 200)
        #expect(status.json["status"] == "healthy")
        #expect(status.json["providers"]?.arrayValue?.count == 2)
        await gateway.stop()
        await provider.stop()
    }

    @Test("usage reflects the organization's calls, by provider and operation")
    func usage() async throws {
        let provider = try AIProxyInvokeTests.provider()
        let gateway = try await AIProxyInvokeTests.start(provider)
        let apiKey = ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"]
        for action in ["list-voices", "list-voices", "list-models"] {
            _ = try await gateway.request("POST", "/api/ai-proxy/orgs/demo/services/elevenlabs/\(action)/", headers: apiKey, body: "{}")
        }
        let usage = try await gateway.request("GET", "/api/integrations/usage?days=1",
                                              headers: ["X-API-Key": gateway.credentials.apiKey.token])
        #expect(usage.json["requests"] == 3)
        #expect(usage.json["errors"] == 1)
        let rows = usage.json["byProvider"]?.arrayValue ?? []
        #expect(rows.first { $0["operation"] == "elevenlabs.list-voices" }?["requests"] == 2)
        let other = try await gateway.request("GET", "/api/integrations/usage",
                                              headers: ["X-API-Key": gateway.credentials.other.apiKey.token])
        #expect(other.json["requests"] == 0, "another organization sees none of it")
        #expect(try await gateway.request("GET", "/api/integrations/usage?days=zero", headers: ["X-API-Key": gateway.credentials.apiKey.token]).status == 400)
        await gateway.stop()
        await provider.stop()
    }

    @Test("database status and export: an online backup that opens with its tables")
    func database() async throws {
        let gateway = try await TestGateway.start()
        let cookie = ["Cookie": "token=\(gateway.credentials.apiKey.token)"]
        let status = try await gateway.request("GET", "/api/api/integrations/db/status", headers: cookie)
        #expect(status.json["isMemory"] == false)
        #expect(status.json["mode"] == "wal")
        #expect(status.json["tables"]?.arrayValue?.contains { $0["name"] == "organizations" } == true)
        let export = try await gateway.request("POST", "/api/integrations/db/export", headers: cookie)
        #expect(export.json["success"] == true)
        let path = try #require(export.json["path"]?.stringValue)
        let copy = try Database(.file(path), migrations: GatewaySchema.migrations)
        let count = try copy.readSync { try $0.queryOne("SELECT COUNT(*) AS n FROM organizations")?.int("n") }
        #expect(count == 2)
        await gateway.stop()
    }

    @Test("X-Org-Id must be the caller's organization; missing credentials get the peer's error shape")
    func organizationHeader() async throws {
        let gateway = try await TestGateway.start()
        let bearer = "Bearer \(gateway.credentials.apiKey.token)"
        #expect(try await gateway.request("GET", "/api/integrations/db/status", headers: ["Authorization": bearer, "X-Org-Id": "demo"]).status == 200)
        let foreign = try await gateway.request("GET", "/api/integrations/db/status",
                                                headers: ["Authorization": bearer, "X-Org-Id": gateway.credentials.other.organization.id])
        #expect(foreign.status == 404)
        let anonymous = try await gateway.request("GET", "/api/integrations/usage")
        #expect(anonymous.status == 401)
        #expect(anonymous.json["success"] == false)
        #expect(anonymous.json["errorCategory"] == "auth")
        await gateway.stop()
    }
}

/// The two prefixes seed 001 is served at.
enum IntegrationsRoutesPrefix {
    static let all = ["/api/integrations", "/api/api/integrations"]
}
