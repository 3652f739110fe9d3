import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Vault: sealed at rest, sanitized in responses, rotatable")
struct VaultTests {
    static let secret = "sk-live-\(UUID().uuidString)-PLAINTEXT"

    @Test("service and platform keys go in through the admin API and never come back out")
    func sanitized() async throws {
        let gateway = try await TestGateway.start()
        let put = try await gateway.request("PUT", "/admin/organizations/demo/service-credentials/elevenlabs",
                                            headers: gateway.admin, body: #"{"key":"\#(Self.secret)"}"#)
        #expect(put.status == 200)
        #expect(put.json["fields"] == ["key"])
        #expect(put.json["configured"] == true)
        let platformPut = try await gateway.request("PUT", "/admin/platform-keys/heygen", headers: gateway.admin,
                                                    body: #"{"key":"\#(Self.secret)"}"#)
        #expect(platformPut.status == 200)
        let list = try await gateway.request("GET", "/admin/organizations/demo/service-credentials", headers: gateway.admin)
        #expect(list.json.arrayValue?.count == 1)
        let audit = try await gateway.request("GET", "/admin/audit", headers: gateway.admin)
        for response in [put, platformPut, list, audit] { #expect(!response.text.contains(Self.secret)) }
        let stored = try await gateway.platform.credentials.find(organizationID: gateway.credentials.organization.id,
                                                                 scope: .service, provider: "elevenlabs")
        let opened = try await gateway.platform.credentials.secrets(id: try #require(stored?.id),
                                                                    organizationID: gateway.credentials.organization.id)
        #expect(opened?["key"]?.stringValue == Self.secret)
        await gateway.stop()
    }

    @Test("the raw SQLite files, an export, the audit log and the log lines hold no plaintext secret")
    func noPlaintextAnywhere() async throws {
        let gateway = try await TestGateway.start()
        _ = try await gateway.request("PUT", "/admin/organizations/demo/service-credentials/heygen",
                                      headers: gateway.admin, body: #"{"key":"\#(Self.secret)"}"#)
        let keySecret = gateway.credentials.apiKey.secret
        let exportPath = gateway.directory.appendingPathComponent("export.sqlite").path
        _ = try await gateway.platform.repositories.storage.export(to: exportPath)
        var files = [exportPath]
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: gateway.databasePath + suffix) {
            files.append(gateway.databasePath + suffix)
        }
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(Self.secret.utf8)) == nil, "\(file) holds the credential")
            #expect(bytes.range(of: Data(keySecret.utf8)) == nil, "\(file) holds an API key secret")
            #expect(bytes.range(of: Data(gateway.credentials.adminToken.utf8)) == nil, "\(file) holds the admin token")
        }
        for line in gateway.logLines.all { #expect(!line.contains(Self.secret) && !line.contains(keySecret)) }
        await gateway.stop()
    }

    @Test("rotating the master key re-seals every row; secrets still open; the old key is gone")
    func rotation() async throws {
        let gateway = try await TestGateway.start()
        let orgID = gateway.credentials.organization.id
        let summary = try await gateway.platform.credentials.put(organizationID: orgID, scope: .service,
                                                                 provider: "elevenlabs", data: ["key": .string(Self.secret)])
        let keyFile = gateway.databasePath + ".master-key"
        let before = try JSONValueFile.read(keyFile)["current"]?.stringValue
        let changed = try await MasterKeyRotation.rotate(keyFile: keyFile, databasePath: gateway.databasePath)
        #expect(changed >= 2, "the credential and the JWT signing key")
        let after = try JSONValueFile.read(keyFile)
        #expect(after["current"]?.stringValue != before)
        #expect(after["keys"]?.objectValue?.count == 1)
        let reopened = try await Platform.open(Platform.Options(databasePath: gateway.databasePath, masterKey: .file(keyFile)))
        #expect(try await reopened.credentials.secrets(id: summary.id, organizationID: orgID)?["key"]?.stringValue == Self.secret)
        let envelope = try await gateway.sqlite().read { connection in
            try connection.queryOne("SELECT sealed_data FROM credentials WHERE id = ?", [.text(summary.id)])?.string("sealed_data")
        }
        #expect(envelope?.hasPrefix("sb1:\(after["current"]?.stringValue ?? "?"):") == true)
        await gateway.stop()
    }

    @Test("rotation re-seals agents' endpoint secrets and webhook secrets too; both still open after it")
    func rotationCoversEverySealedColumn() async throws {
        let gateway = try await TestGateway.start()
        let credentials = gateway.credentials
        let agentPath = "/api/v1/organizations/\(credentials.organization.id)/projects/\(credentials.project.id)/agents/\(credentials.agentID)"
        let member = ["Authorization": "Bearer \(credentials.jwts[.member]!)", "Content-Type": "application/json"]
        let endpoint = try await gateway.request("POST", agentPath + "/api-endpoints/users", headers: member,
            body: #"{"base_url":"https://api.example.com","path":"/users","authentication":{"type":"bearer_token","token":"agent-secret-1"}}"#)
        #expect(endpoint.status == 201)
        let webhook = try await gateway.request("POST", "/api/v1/webhooks", headers: ["Authorization": "Bearer \(credentials.apiKey.token)"],
                                                body: #"{"url":"http://127.0.0.1:9/h","events":["workflow.completed"]}"#)
        let webhookID = try #require(webhook.json["id"]?.stringValue)
        let webhookSecret = try #require(webhook.json["secret"]?.stringValue)
        let keyFile = gateway.databasePath + ".master-key"
        _ = try await MasterKeyRotation.rotate(keyFile: keyFile, databasePath: gateway.databasePath)
        let current = try #require(try JSONValueFile.read(keyFile)["current"]?.stringValue)
        let sealed = try await gateway.sqlite().read { connection in
            try connection.query("""
                SELECT sealed_data AS v FROM credentials UNION ALL SELECT value FROM settings WHERE value LIKE 'sb1:%'
                UNION ALL SELECT sealed_secret FROM webhooks UNION ALL SELECT sealed_api_config FROM agents
                WHERE sealed_api_config IS NOT NULL UNION ALL SELECT sealed_headers FROM mcp_servers WHERE sealed_headers IS NOT NULL
                """).compactMap { try $0.string("v") }
        }
        #expect(sealed.count >= 3, "the JWT key, the webhook secret, the agent's config")
        #expect(sealed.allSatisfy { $0.hasPrefix("sb1:\(current):") }, "every envelope is under the new key")
        let reopened = try await Platform.open(Platform.Options(databasePath: gateway.databasePath, masterKey: .file(keyFile)))
        let envelope = try #require(try await gateway.sqlite().read { connection in
            try connection.queryOne("SELECT sealed_secret FROM webhooks WHERE id = ?", [.text(webhookID)])?.string("sealed_secret")
        })
        #expect(String(decoding: try reopened.vault.openSetting(envelope, name: "webhook:\(webhookID)"), as: UTF8.self) == webhookSecret)
        let agentConfig = try #require(try await gateway.sqlite().read { connection in
            try connection.queryOne("SELECT sealed_api_config FROM agents WHERE id = ?", [.text(credentials.agentID)])?
                .string("sealed_api_config")
        })
        let opened = try reopened.vault.open(agentConfig, for: "agent:\(credentials.agentID)")
        #expect(opened.serialized().contains("agent-secret-1"))
        await gateway.stop()
    }
}
