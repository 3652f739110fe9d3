import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Seed 004: agents' API endpoints")
struct AgentEndpointTests {
    func base(_ gateway: TestGateway, agent: String? = nil) -> String {
        "/api/v1/organizations/\(gateway.credentials.organization.id)/projects/\(gateway.credentials.project.id)/agents/\(agent ?? gateway.credentials.agentID)"
    }

    func call(_ gateway: TestGateway, _ method: String, _ path: String, _ body: String? = nil, role: Role = .member,
              token: String? = nil) async throws -> TestResponse {
        try await gateway.request(method, base(gateway) + path,
                                  headers: ["Authorization": "Bearer \(token ?? gateway.credentials.jwts[role]!)", "Content-Type": "application/json"],
                                  body: body)
    }

    static let bearer = #"{"base_url":"https://api.example.com","path":"/users/{user_id}","methods":["GET"],"description":"Get user information","authentication":{"type":"bearer_token","token":"super-secret-token"}}"#

    @Test("add, update, get and delete answer exactly as documented, never returning a secret")
    func lifecycle() async throws {
        let gateway = try await TestGateway.start()
        let created = try await call(gateway, "POST", "/api-endpoints/get_user", Self.bearer)
        #expect(created.status == 201)
        #expect(created.json == (try JSONValue(parsing: #"{"message":"API endpoint added successfully","endpoint_name":"get_user","endpoint":{"base_url":"https://api.example.com","path":"/users/{user_id}","methods":["GET"],"description":"Get user information","authentication":{"type":"bearer_token","configured":true}}}"#)))
        let duplicate = try await call(gateway, "POST", "/api-endpoints/get_user", Self.bearer)
        #expect(duplicate.status == 400)
        #expect(duplicate.json == ["error": "Endpoint 'get_user' already exists. Use PUT to update it."])
        let updated = try await call(gateway, "PUT", "/api-endpoints/get_user", #"{"path":"/v2/users/{user_id}","methods":["GET","POST","PUT"],"description":"Updated description","authentication":{"type":"api_key","key_name":"X-API-Key","key_value":"new_api_key","location":"header"}}"#)
        #expect(updated.status == 200, "\(updated.text)")
        #expect(updated.json == (try JSONValue(parsing: #"{"message":"API endpoint updated successfully","endpoint_name":"get_user","endpoint":{"base_url":"https://api.example.com","path":"/v2/users/{user_id}","methods":["GET","POST","PUT"],"description":"Updated description","authentication":{"type":"api_key","key_name":"X-API-Key","location":"header","configured":true}}}"#)))
        let viewer = try await call(gateway, "GET", "/api-endpoints/get_user", role: .viewer)
        #expect(viewer.status == 200)
        #expect(viewer.json["endpoint"]?["authentication"]?["configured"] == true)
        _ = try await call(gateway, "POST", "/api-endpoints/public_data", #"{"base_url":"https://api.public.com","path":"/data","description":"Public data endpoint"}"#)
        let open = try await call(gateway, "GET", "/api-endpoints/public_data", role: .viewer)
        #expect(open.json == (try JSONValue(parsing: #"{"endpoint_name":"public_data","endpoint":{"base_url":"https://api.public.com","path":"/data","methods":["GET"],"description":"Public data endpoint","authentication":null}}"#)))
        for response in [created, updated, viewer] {
            #expect(!response.text.contains("super-secret-token") && !response.text.contains("new_api_key"))
        }
        let deleted = try await call(gateway, "DELETE", "/api-endpoints/get_user")
        #expect(deleted.json == ["message": "API endpoint deleted successfully", "endpoint_name": "get_user"])
        let gone = try await call(gateway, "GET", "/api-endpoints/get_user")
        #expect(gone.status == 404)
        #expect(gone.json == ["error": "Endpoint 'get_user' not found"])
        let raw = try Data(contentsOf: URL(fileURLWithPath: gateway.databasePath + "-wal"))
        #expect(raw.range(of: Data("new_api_key".utf8)) == nil, "endpoint secrets are sealed at rest")
        await gateway.stop()
    }

    @Test("validation errors use the documented messages", arguments: [
        (#"{"base_url":"api.example.com","path":"/x"}"#, #"{"errors":[{"field":"base_url","message":"base_url must be a valid URL with protocol"}]}"#),
        (#"{"base_url":"https://a.example","path":"/x","authentication":{"type":"oauth"}}"#, #"{"error":"Invalid authentication type. Must be one of: bearer_token, api_key, cookie"}"#),
        (#"{"base_url":"https://a.example","path":"/x","authentication":{"type":"api_key","key_name":"X"}}"#, #"{"error":"key_name and key_value are required for api_key authentication"}"#),
        (#"{"base_url":"https://a.example","path":""}"#, #"{"errors":[{"field":"path","message":"path must be a non-empty string"}]}"#),
        (#"{"base_url":"https://a.example","path":"/x","methods":"GET"}"#, #"{"errors":[{"field":"methods","message":"methods must be an array"}]}"#),
    ])
    func validation(_ body: String, _ expected: String) async throws {
        let gateway = try await TestGateway.start()
        let response = try await call(gateway, "POST", "/api-endpoints/ep", body)
        #expect(response.status == 400)
        #expect(response.json == (try JSONValue(parsing: expected)))
        await gateway.stop()
    }

    @Test("roles, agents, isolation and the JWT requirement")
    func access() async throws {
        let gateway = try await TestGateway.start()
        let viewerWrite = try await call(gateway, "POST", "/api-endpoints/ep", Self.bearer, role: .viewer)
        #expect(viewerWrite.status == 403)
        let missingAgent = try await gateway.request("GET", base(gateway, agent: "agent_nope") + "/api-config",
                                                     headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.viewer]!)"])
        #expect(missingAgent.status == 404)
        #expect(missingAgent.json == ["error": "Agent not found"])
        let foreign = try await call(gateway, "GET", "/api-config", token: gateway.credentials.other.adminJWT)
        #expect(foreign.status == 404)
        let apiKey = try await call(gateway, "GET", "/api-config", token: gateway.credentials.apiKey.token)
        #expect(apiKey.status == 401)
        let created = try await gateway.request("POST", "/admin/organizations/demo/projects/\(gateway.credentials.project.id)/agents",
                                                headers: gateway.admin, body: #"{"name":"No tools","tools":[]}"#)
        let bare = try #require(created.json["id"]?.stringValue)
        let noTool = try await gateway.request("GET", base(gateway, agent: bare) + "/api-config",
                                               headers: ["Authorization": "Bearer \(gateway.credentials.jwts[.admin]!)"])
        #expect(noTool.status == 400)
        #expect(noTool.json == ["error": "Agent does not have api_caller tool configured"])
        await gateway.stop()
    }

    @Test("api-config: the bulk POST replaces every endpoint; GET shows the deprecated root authentication")
    func bulk() async throws {
        let gateway = try await TestGateway.start()
        _ = try await call(gateway, "POST", "/api-endpoints/old_one", Self.bearer)
        let replaced = try await call(gateway, "POST", "/api-config", #"{"endpoints":{"endpoint1":{"base_url":"https://api.example.com","path":"/path1","methods":["GET"],"description":"Description","authentication":{"type":"bearer_token","token":"token_here"}},"endpoint2":{"base_url":"https://api.example.com","path":"/path2","methods":["POST"],"authentication":{"type":"api_key","key_name":"X-API-Key","key_value":"key_here","location":"header"}}},"authentication":{"type":"bearer_token","token":"global_token"}}"#)
        #expect(replaced.status == 200)
        #expect(replaced.json["message"] == "API configuration updated successfully")
        #expect(replaced.json["authentication"] == ["type": "bearer_token"])
        #expect(replaced.json["summarization"] == [:])
        #expect(replaced.json["endpoints"]?.objectValue?.keys.sorted() == ["endpoint1", "endpoint2"])
        let config = try await call(gateway, "GET", "/api-config", role: .viewer)
        #expect(config.json["endpoints"]?["endpoint2"]?["authentication"] == ["type": "api_key", "key_name": "X-API-Key", "location": "header", "configured": true])
        #expect(config.json["authentication"] == ["type": "bearer_token", "configured": true, "deprecated": true])
        #expect(!config.text.contains("token_here") && !config.text.contains("global_token") && !config.text.contains("key_here"))
        #expect(try await call(gateway, "GET", "/api-endpoints/old_one").status == 404)
        await gateway.stop()
    }
}
