import Foundation
import Gateway
import JSONSchema
import Testing

/// Organization A creates real resources on every surface; organization B's credentials must get 404 (never
/// 403, never data) on each of A's routes, and no response may contain A's secrets.
@Suite("Tenancy matrix across all five surfaces")
struct TenancyMatrixTests {
    struct Route: CustomStringConvertible {
        let method: String
        let path: String
        let body: String?
        let headers: [String: String]
        var description: String { "\(method) \(path)" }
    }

    @Test("another organization's caller gets 404 on every tenant route, and no secret leaks")
    func matrix() async throws {
        let gateway = try await TestGateway.start()
        let credentials = gateway.credentials
        let own = ["Authorization": "Bearer \(credentials.apiKey.token)"]
        let secret = "tenant-secret-\(UUID().uuidString)"
        // Resources of organization A.
        let credential = try await gateway.request("POST", "/api/v1/credentials", headers: own,
            body: #"{"name":"S","type":"oauth","provider":"slack","data":{"bot_token":"\#(secret)"}}"#)
        let credentialID = try #require(credential.json["id"]?.stringValue)
        let connector = try await gateway.request("POST", "/api/v1/connectors", headers: own,
            body: #"{"name":"S","type":"slack","credentialId":"\#(credentialID)"}"#)
        let connectorID = try #require(connector.json["id"]?.stringValue)
        let workflow = try await gateway.request("POST", "/api/v1/workflows", headers: own,
            body: #"{"name":"W","definition":{"steps":[{"name":"s","type":"http_request","config":{"url":"http://127.0.0.1:9/x"}}]}}"#)
        let workflowID = try #require(workflow.json["id"]?.stringValue)
        let execution = try await gateway.request("POST", "/api/v1/workflows/\(workflowID)/execute", headers: own, body: "{}")
        let executionID = try #require(execution.json["executionId"]?.stringValue)
        let webhook = try await gateway.request("POST", "/api/v1/webhooks", headers: own,
            body: #"{"url":"http://127.0.0.1:9/h","events":["workflow.completed"]}"#)
        let webhookID = try #require(webhook.json["id"]?.stringValue)
        _ = try await gateway.request("POST", "/api/integrations/register", headers: own,
            body: #"{"key":"mine","name":"Mine","type":"custom","baseUrl":"http://127.0.0.1:9","operations":[{"id":"op","method":"GET","path":"/x"}]}"#)
        let callable = try await gateway.request("POST", "/admin/organizations/demo/projects/\(credentials.project.id)/callables",
            headers: gateway.admin, body: #"{"type":"script","name":"C","slug":"c","config":{"source":"async function main() { return '\#(secret)' }"}}"#)
        let callableID = try #require(callable.json["id"]?.stringValue)
        let agentBase = "/api/v1/organizations/\(credentials.organization.id)/projects/\(credentials.project.id)/agents/\(credentials.agentID)"
        _ = try await gateway.request("POST", agentBase + "/api-endpoints/ep", headers: ["Authorization": "Bearer \(credentials.jwts[.admin]!)"],
            body: #"{"base_url":"https://x.example","path":"/y","authentication":{"type":"bearer_token","token":"\#(secret)"}}"#)

        let other = credentials.other
        let key = ["Authorization": "Bearer \(other.apiKey.token)"]
        let proxy = ["Authorization": "Api-Key \(other.apiKey.token)"]
        let jwt = ["Authorization": "Bearer \(other.adminJWT)"]
        let routes: [Route] = [
            Route(method: "GET", path: "/api/ai-proxy/orgs/demo/services/", body: nil, headers: proxy),
            Route(method: "GET", path: "/api/ai-proxy/orgs/demo/services/elevenlabs/", body: nil, headers: proxy),
            Route(method: "POST", path: "/api/ai-proxy/orgs/demo/services/elevenlabs/list-voices/", body: "{}", headers: proxy),
            Route(method: "GET", path: "/api/integrations/registry/mine/operations", body: nil, headers: key),
            Route(method: "POST", path: "/api/integrations/invoke", body: #"{"operation":"mine.op"}"#, headers: key),
            Route(method: "GET", path: "/api/integrations/usage", body: nil, headers: key.merging(["X-Org-Id": credentials.organization.id]) { $1 }),
            Route(method: "GET", path: "/api/v1/workflows/\(workflowID)", body: nil, headers: key),
            Route(method: "PUT", path: "/api/v1/workflows/\(workflowID)", body: #"{"name":"x","definition":{"steps":[]}}"#, headers: key),
            Route(method: "PATCH", path: "/api/v1/workflows/\(workflowID)", body: #"{"name":"x"}"#, headers: key),
            Route(method: "DELETE", path: "/api/v1/workflows/\(workflowID)", body: nil, headers: key),
            Route(method: "POST", path: "/api/v1/workflows/\(workflowID)/execute", body: "{}", headers: key),
            Route(method: "GET", path: "/api/v1/executions/\(executionID)", body: nil, headers: key),
            Route(method: "POST", path: "/api/v1/executions/\(executionID)", body: #"{"action":"cancel"}"#, headers: key),
            Route(method: "GET", path: "/api/v1/credentials/\(credentialID)", body: nil, headers: key),
            Route(method: "DELETE", path: "/api/v1/credentials/\(credentialID)", body: nil, headers: key),
            Route(method: "GET", path: "/api/v1/connectors/\(connectorID)", body: nil, headers: key),
            Route(method: "DELETE", path: "/api/v1/connectors/\(connectorID)", body: nil, headers: key),
            Route(method: "GET", path: "/api/v1/webhooks/\(webhookID)", body: nil, headers: key),
            Route(method: "DELETE", path: "/api/v1/webhooks/\(webhookID)", body: nil, headers: key),
            Route(method: "GET", path: "/api/v1/webhooks/\(webhookID)/deliveries", body: nil, headers: key),
            Route(method: "POST", path: "/execution/\(callableID)", body: "{}", headers: ["Authorization": "Bearer \(other.adminJWT)", "x-project-id": credentials.project.id]),
            Route(method: "POST", path: "/execution/c", body: "{}", headers: ["x-api-key": other.apiKey.callableForm]),
            Route(method: "GET", path: agentBase + "/api-config", body: nil, headers: jwt),
            Route(method: "POST", path: agentBase + "/api-config", body: #"{"endpoints":{}}"#, headers: jwt),
            Route(method: "GET", path: agentBase + "/api-endpoints/ep", body: nil, headers: jwt),
            Route(method: "PUT", path: agentBase + "/api-endpoints/ep", body: "{}", headers: jwt),
            Route(method: "POST", path: agentBase + "/api-endpoints/new", body: #"{"base_url":"https://a.example","path":"/b"}"#, headers: jwt),
            Route(method: "DELETE", path: agentBase + "/api-endpoints/ep", body: nil, headers: jwt),
        ]
        for route in routes {
            let response = try await gateway.request(route.method, route.path, headers: route.headers, body: route.body)
            #expect(response.status == 404, "\(route) answered \(response.status): \(response.text.prefix(200))")
            #expect(!response.text.contains(secret), "\(route) leaked a secret")
        }
        // A's own view still has everything, and its responses hold no secret either.
        for path in ["/api/v1/credentials", "/api/v1/credentials/\(credentialID)", "/api/v1/connectors", "/api/v1/webhooks"] {
            let response = try await gateway.request("GET", path, headers: own)
            #expect(response.status == 200)
            #expect(!response.text.contains(secret), "\(path) leaked a secret")
        }
        #expect(!(try await gateway.request("GET", agentBase + "/api-config", headers: ["Authorization": "Bearer \(credentials.jwts[.viewer]!)"])).text.contains(secret))
        for line in gateway.logLines.all { #expect(!line.contains(secret)) }
        await gateway.stop()
    }
}
