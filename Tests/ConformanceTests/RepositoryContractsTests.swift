import Foundation
import JSONSchema
import Testing

@testable import Conformance

@Suite("The repository's contracts, scenarios and schemas")
struct RepositoryContractsTests {
    static let bundled = [
        "Contracts/contract.schema.json": BundledSchemas.contract, "Scenarios/scenario.schema.json": BundledSchemas.scenario,
        "Contracts/profile.schema.json": BundledSchemas.profile, "Contracts/endpoints.schema.json": BundledSchemas.manifest,
    ]

    @Test("the schema files are the ones compiled into the module", arguments: bundled.keys.sorted())
    func bundledSchemas(_ path: String) throws {
        let file = try JSONValue(parsing: try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
        #expect(file == (try JSONValue(parsing: try #require(Self.bundled[path]))))
        _ = try JSONSchemaValidator(schema: file, options: .init(remotes: BundledSchemas.remotes))
    }

    @Test("every contract and scenario loads, and the manifest lists every seed's endpoints")
    func loads() throws {
        let suite = try repositorySuite()
        let bySeed = Dictionary(grouping: suite.manifest.endpoints, by: \.seed).mapValues(\.count)
        #expect(bySeed == ["switchboard": 1, "000": 3, "001": 40, "002": 11, "003": 3, "004": 6])
        #expect(
            Set(suite.manifest.endpoints.map(\.surface)) == [
                "platform", "ai-proxy", "integrations", "automation",
                "callables", "agents",
            ])
        #expect(suite.manifest.endpoints.allSatisfy { !$0.statuses.isEmpty })
        #expect(!suite.contracts.isEmpty && !suite.scenarios.isEmpty)
    }

    @Test("seed 001 is listed at the peer's path and at the path the seed prints, with the same statuses")
    func integrationsAliases() throws {
        let endpoints = try repositorySuite().manifest.endpoints.filter {
            $0.seed == "001" && $0.path.hasPrefix("/api/integrations/")
        }
        #expect(endpoints.count == 19)
        let manifest = try repositorySuite().manifest
        for endpoint in endpoints {
            let printed = manifest.endpoint(method: endpoint.method, path: "/api/api" + endpoint.path.dropFirst(4))
            #expect(printed?.statuses == endpoint.statuses, "\(endpoint.label)")
        }
    }

    @Test("the profile 'serve --profile-out' writes for Switchboard passes the profile schema")
    func profileShape() throws {
        let names = [
            "org", "orgId", "projectId", "agentId", "apiKey", "token", "integrationsToken", "automationKey",
            "callablesApiKey", "jwtViewer", "jwtMember", "jwtAdmin", "adminToken", "otherOrg", "otherOrgId",
            "otherApiKey", "otherAutomationKey", "otherJwtAdmin",
        ]
        var variables = JSONObject()
        for name in names { variables[name] = .string("value-of-\(name)") }
        let profile = try Profile(
            json: [
                "baseURL": "http://127.0.0.1:8080", "mockBaseURL": "http://127.0.0.1:9000",
                "variables": .object(variables),
            ], file: "profile.json")
        #expect(profile.variables.count == names.count)
        let schema = try JSONValue(parsing: BundledSchemas.profile)
        #expect(
            schema["properties"]?["variables"]?["properties"]?.objectValue?.keys == names, "every name is documented")
    }
}
