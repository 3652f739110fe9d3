import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Identity: one key in every surface's documented form")
struct AuthenticationTests {
    @Test("the key is accepted as Api-Key, Token, Bearer, X-API-Key, cookie token, and x-api-key apiKey.<id>.<key>")
    func everyForm() async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let key = gateway.credentials.apiKey
        let forms: [[String: String]] = [
            ["Authorization": "Api-Key \(key.token)"], ["Authorization": "Token \(key.token)"],
            ["Authorization": "Bearer \(key.token)"], ["X-API-Key": key.token], ["Cookie": "theme=dark; token=\(key.token)"],
            ["x-api-key": key.callableForm], ["Authorization": "bearer \(key.token)"],
        ]
        for headers in forms {
            let response = try await gateway.request("GET", "/test/orgs/demo/whoami", headers: headers)
            #expect(response.status == 200, "\(headers.keys.first ?? "")")
            #expect(response.json["org"] == "demo")
            #expect(response.json["project"] == .string(gateway.credentials.project.id))
        }
        await gateway.stop()
    }

    @Test("member JWTs authenticate, x-project-id picks the project, and roles gate writes")
    func jwts() async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let jwts = gateway.credentials.jwts
        let project = gateway.credentials.project.id
        let viewer = try await gateway.request("GET", "/test/orgs/demo/whoami",
                                               headers: ["Authorization": "Bearer \(jwts[.viewer]!)", "x-project-id": project])
        #expect(viewer.status == 200)
        #expect(viewer.json["role"] == "viewer")
        #expect(viewer.json["project"] == .string(project))
        let denied = try await gateway.request("POST", "/test/orgs/demo/writes", headers: ["Authorization": "Bearer \(jwts[.viewer]!)"])
        #expect(denied.status == 403)
        #expect(denied.json["error"]?.stringValue?.contains("member role") == true)
        for role in [Role.member, .admin] {
            let allowed = try await gateway.request("POST", "/test/orgs/demo/writes", headers: ["Authorization": "Bearer \(jwts[role]!)"])
            #expect(allowed.status == 200)
        }
        let unknownProject = try await gateway.request(
            "GET", "/test/orgs/demo/whoami", headers: ["Authorization": "Bearer \(jwts[.admin]!)", "x-project-id": UUID().uuidString])
        #expect(unknownProject.status == 404)
        await gateway.stop()
    }

    @Test("missing, malformed, unknown, tampered and revoked credentials get 401 in the surface's shape")
    func refusals() async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let key = gateway.credentials.apiKey
        let tampered = "sk_\(key.id)_" + String(repeating: "0", count: 64)
        let badJWT = String(gateway.credentials.jwts[.admin]!.dropLast(2)) + "xx"
        for headers in [[:], ["Authorization": "Api-Key nonsense"], ["Authorization": "Bearer \(tampered)"],
                        ["Authorization": "Bearer \(badJWT)"], ["Authorization": "Basic dXNlcjpwYXNz"]] {
            let response = try await gateway.request("GET", "/test/orgs/demo/whoami", headers: headers)
            #expect(response.status == 401, "\(headers)")
            #expect(response.json["error"]?.stringValue != nil)
        }
        let callables = try await gateway.request("GET", "/test-callables/whoami")
        #expect(callables.status == 401)
        #expect(callables.json["data"] == .null)
        #expect(callables.json["error"]?["message"]?.stringValue != nil)

        let created = try await gateway.request("POST", "/admin/organizations/demo/keys", headers: gateway.admin, body: #"{"name":"temp"}"#)
        let temporary = try #require(created.json["key"]?.stringValue)
        #expect(try await gateway.request("GET", "/test/orgs/demo/whoami", headers: ["X-API-Key": temporary]).status == 200)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(try await gateway.request("DELETE", "/admin/organizations/demo/keys/\(id)", headers: gateway.admin).status == 204)
        #expect(try await gateway.request("GET", "/test/orgs/demo/whoami", headers: ["X-API-Key": temporary]).status == 401)
        await gateway.stop()
    }

    @Test("a caller from another organization gets 404, not 403 and not data", arguments: ["GET /test/orgs/{org}/whoami", "POST /test/orgs/{org}/writes"])
    func tenancy(_ route: String) async throws {
        let gateway = try await TestGateway.start(extraRoutes: TestRoutes.register)
        let parts = route.split(separator: " ")
        let other = gateway.credentials.other
        for (headers, target) in [
            (["Authorization": "Bearer \(other.apiKey.token)"], gateway.credentials.organization.slug),
            (["Authorization": "Bearer \(other.adminJWT)"], gateway.credentials.organization.id),
            (["Authorization": "Bearer \(gateway.credentials.apiKey.token)"], other.organization.slug),
        ] {
            let path = parts[1].replacingOccurrences(of: "{org}", with: target)
            let response = try await gateway.request(String(parts[0]), path, headers: headers)
            #expect(response.status == 404, "\(route) as another tenant")
            #expect(!response.text.contains("\"org\""))
        }
        await gateway.stop()
    }

    @Test("key formats parse both ways and reject near misses")
    func keyFormat() throws {
        let key = APIKeySecret.generate()
        #expect(APIKeySecret(parsing: key.token) == key)
        #expect(APIKeySecret(parsing: key.callableForm) == key)
        #expect(key.token.hasPrefix("sk_"))
        for bad in ["sk_", "sk_\(key.id)", "sk_\(key.id)_\(key.secret)x", "apiKey.\(key.id)_\(key.secret)",
                    key.token.uppercased(), "pk_\(key.id)_\(key.secret)"] {
            #expect(APIKeySecret(parsing: bad) == nil, "\(bad)")
        }
    }
}
