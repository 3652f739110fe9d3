import Foundation
@testable import Gateway
import JSONSchema
import Testing

@Suite("Repository seam: surfaces and services run on any implementation of the store protocols")
struct RepositorySeamTests {
    static let secret = "xoxb-seam-secret-value"

    @Test("workflows, the audit log and the vault's credentials live in in-memory repositories; SQLite stays empty")
    func inMemoryRepositories() async throws {
        let (workflows, audit, credentials) = (InMemoryWorkflowRepository(), InMemoryAuditRepository(),
                                               InMemoryCredentialRepository())
        let gateway = try await TestGateway.start(repositories: {
            $0.workflows = workflows
            $0.audit = audit
            $0.credentials = credentials
        })
        let bearer = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)", "Content-Type": "application/json"]

        let created = try await gateway.request("POST", "/api/v1/workflows", headers: bearer, body: """
            {"name":"Ping","definition":{"steps":[{"name":"ping","type":"http_request","config":{"url":"http://127.0.0.1:1/"}}]}}
            """)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.stringValue)
        let renamed = try await gateway.request("PATCH", "/api/v1/workflows/\(id)", headers: bearer, body: #"{"name":"Pong"}"#)
        #expect(renamed.json["name"] == "Pong")
        #expect(renamed.json["definition"]?["steps"]?[0]?["name"] == "ping")
        let listed = try await gateway.request("GET", "/api/v1/workflows", headers: bearer)
        #expect(listed.json.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])
        #expect(listed.headers["x-total-count"] == "1")
        #expect(workflows.all.map(\.name) == ["Pong"])

        let credential = try await gateway.request("POST", "/api/v1/credentials", headers: bearer, body: """
            {"name":"Slack","type":"oauth","provider":"slack","data":{"bot_token":"\(Self.secret)"}}
            """)
        #expect(credential.status == 201)
        let fetched = try await gateway.request("GET", "/api/v1/credentials/\(credential.json["id"]?.stringValue ?? "")",
                                                headers: bearer)
        #expect(fetched.json["fields"] == ["bot_token"])
        let sealed = try #require(credentials.all.first?.sealedData)
        #expect(sealed.hasPrefix("sb1:") && !sealed.contains(Self.secret), "the vault seals before the repository stores")

        #expect(try await gateway.request("POST", "/admin/organizations", headers: gateway.admin,
                                          body: #"{"slug":"seam","name":"Seam"}"#).status == 201)
        let entries = try await gateway.request("GET", "/admin/audit", headers: gateway.admin)
        #expect(entries.json.arrayValue?.first?["action"] == "organization.create")
        #expect(audit.all.map(\.action).contains("organization.create"))

        let tables = try await gateway.platform.repositories.storage.status().tables
        for table in ["workflows", "audit_log", "credentials"] {
            #expect(tables.first { $0.name == table }?.rowCount == 0, "\(table) was written through SQLite")
        }
        #expect(try await gateway.request("DELETE", "/api/v1/workflows/\(id)", headers: bearer).status == 204)
        #expect(workflows.all.isEmpty)
        await gateway.stop()
    }

    @Test("outside Sources/Gateway/SQLite, only the wiring point and the Timestamp alias import Store; none has SQL")
    func sqlStaysInTheSQLiteFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Gateway")
        let allowedImports: Set<String> = ["Platform/Platform.swift", "Platform/Timestamp.swift"]
        let statement = try Regex(#"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b"#)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let sources = files.filter { $0.hasSuffix(".swift") && !$0.hasPrefix("SQLite/") }
        #expect(sources.count > 50)
        for file in sources {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let importsStore = text.split(separator: "\n").contains { $0 == "import Store" }
            #expect(!importsStore || allowedImports.contains(file), "\(file) imports Store")
            #expect(text.firstMatch(of: statement) == nil, "\(file) holds SQL")
        }
    }
}
