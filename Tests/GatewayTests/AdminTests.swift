import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Admin API and bootstrap")
struct AdminTests {
    @Test("the admin API needs its token")
    func needsToken() async throws {
        let gateway = try await TestGateway.start()
        #expect(try await gateway.request("GET", "/admin/organizations").status == 401)
        #expect(try await gateway.request("GET", "/admin/organizations", headers: ["Authorization": "Bearer nope"]).status == 401)
        let withKey = try await gateway.request("GET", "/admin/organizations",
                                                headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"])
        #expect(withKey.status == 401, "an API key is not an admin token")
        await gateway.stop()
    }

    @Test("organizations, projects, members, tokens and keys are created, validated and audited")
    func lifecycle() async throws {
        let gateway = try await TestGateway.start()
        let admin = gateway.admin
        let created = try await gateway.request("POST", "/admin/organizations", headers: admin, body: #"{"slug":"acme","name":"Acme"}"#)
        #expect(created.status == 201)
        #expect(try await gateway.request("POST", "/admin/organizations", headers: admin, body: #"{"slug":"acme"}"#).status == 409)
        let invalid = try await gateway.request("POST", "/admin/organizations", headers: admin, body: #"{"slug":"Bad Slug"}"#)
        #expect(invalid.status == 400)
        #expect(invalid.json["error"]?.stringValue?.contains("slug") == true)
        #expect(try await gateway.request("POST", "/admin/organizations", headers: admin, body: "not json").status == 400)
        let project = try await gateway.request("POST", "/admin/organizations/acme/projects", headers: admin, body: #"{"name":"P"}"#)
        #expect(project.status == 201)
        #expect(UUID(uuidString: project.json["id"]?.stringValue ?? "") != nil)
        let member = try await gateway.request("POST", "/admin/organizations/acme/members", headers: admin,
                                               body: #"{"email":"ada@acme.example","role":"member"}"#)
        #expect(member.status == 201)
        let badRole = try await gateway.request("POST", "/admin/organizations/acme/members", headers: admin,
                                                body: #"{"email":"bob@acme.example","role":"owner"}"#)
        #expect(badRole.status == 400)
        let memberID = try #require(member.json["id"]?.stringValue)
        let token = try await gateway.request("POST", "/admin/organizations/acme/members/\(memberID)/tokens", headers: admin)
        #expect(token.status == 201)
        #expect(token.json["token"]?.stringValue?.split(separator: ".").count == 3)
        let key = try await gateway.request("POST", "/admin/organizations/acme/keys", headers: admin, body: #"{"name":"ci","role":"viewer"}"#)
        #expect(key.status == 201)
        let secret = try #require(key.json["key"]?.stringValue)
        let keys = try await gateway.request("GET", "/admin/organizations/acme/keys", headers: admin)
        #expect(keys.json.arrayValue?.count == 1)
        #expect(!keys.text.contains(String(secret.suffix(64))), "the secret is shown once")
        #expect(try await gateway.request("GET", "/admin/organizations/nobody/keys", headers: admin).status == 404)
        let audit = try await gateway.request("GET", "/admin/audit?org=acme", headers: admin)
        let actions = audit.json.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
        #expect(Set(actions).isSuperset(of: ["organization.create", "project.create", "member.create", "member.token", "key.create"]))
        await gateway.stop()
    }

    @Test("bootstrap credentials fill every profile variable the contracts use")
    func profile() async throws {
        let gateway = try await TestGateway.start()
        let variables = gateway.credentials.variables
        for name in ["org", "orgId", "projectId", "apiKey", "token", "integrationsToken", "automationKey", "callablesApiKey",
                     "jwtViewer", "jwtMember", "jwtAdmin", "adminToken", "otherOrg", "otherOrgId", "otherApiKey",
                     "otherAutomationKey", "otherJwtAdmin"] {
            #expect(variables[name]?.isEmpty == false, "\(name)")
        }
        let again = try await DemoBootstrap.credentials(gateway.platform)
        #expect(again.organization.id == gateway.credentials.organization.id)
        #expect(again.apiKey != gateway.credentials.apiKey, "each profile gets fresh keys")
        await gateway.stop()
    }
}
