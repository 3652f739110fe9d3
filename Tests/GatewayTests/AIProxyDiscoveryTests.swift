import ChildProcess
import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Seed 000: service discovery")
struct AIProxyDiscoveryTests {
    /// The list response exactly as seed 000 prints it under "List All Services".
    static let documentedList = """
        [{"slug":"elevenlabs","display_name":"ElevenLabs","service_type":"tts","is_enabled":true,"supports_async_jobs":false,\
        "supports_streaming":true,"credential_name":"elevenlabs","endpoint_count":3},{"slug":"heygen","display_name":"HeyGen",\
        "service_type":"video","is_enabled":true,"supports_async_jobs":true,"supports_streaming":false,"credential_name":"heygen",\
        "endpoint_count":6}]
        """

    @Test("the service list is the documented one, field for field")
    func list() async throws {
        let gateway = try await TestGateway.start()
        let response = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/",
                                                 headers: ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"])
        #expect(response.status == 200)
        #expect(response.json == (try JSONValue(parsing: Self.documentedList)))
        await gateway.stop()
    }

    @Test("ElevenLabs details are the documented ones; HeyGen has its six endpoints; Token works too")
    func details() async throws {
        let gateway = try await TestGateway.start()
        let token = ["Authorization": "Token \(gateway.credentials.apiKey.token)"]
        let eleven = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/elevenlabs/", headers: token)
        #expect(eleven.status == 200)
        #expect(eleven.json == (try JSONValue(parsing: Data(contentsOf: fixtureURL("seed000-elevenlabs-details.json")))))
        let heygen = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/heygen", headers: token)
        let slugs = heygen.json["endpoints"]?.arrayValue?.compactMap { $0["slug"]?.stringValue }
        #expect(slugs == ["list-avatars", "list-voices", "generate-video", "video-status", "remaining-quota", "upload-asset"])
        #expect(heygen.json["endpoints"]?[0]?.objectValue?.keys.sorted() == eleven.json["endpoints"]?[0]?.objectValue?.keys.sorted())
        await gateway.stop()
    }

    @Test("unknown services, missing or foreign credentials, and the wrong scheme get the documented errors")
    func errors() async throws {
        let gateway = try await TestGateway.start()
        let key = gateway.credentials.apiKey.token
        let unknown = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/nope/", headers: ["Authorization": "Api-Key \(key)"])
        #expect(unknown.status == 404)
        #expect(unknown.json == ["error": "Service 'nope' not found"])
        let anonymous = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/")
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["www-authenticate"] == "Api-Key, Token", "the challenge names seed 000's schemes")
        let bearer = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/", headers: ["Authorization": "Bearer \(key)"])
        #expect(bearer.status == 401, "seed 000 documents Api-Key and Token only")
        #expect(bearer.json["error"]?.stringValue != nil)
        await gateway.stop()
    }

    @Test("another organization's key sees 404 on every seed 000 route", arguments: [
        "/api/ai-proxy/orgs/demo/services/", "/api/ai-proxy/orgs/demo/services/elevenlabs/",
    ])
    func tenancy(_ path: String) async throws {
        let gateway = try await TestGateway.start()
        let response = try await gateway.request("GET", path, headers: ["Authorization": "Api-Key \(gateway.credentials.other.apiKey.token)"])
        #expect(response.status == 404)
        #expect(!response.text.contains("elevenlabs\""))
        await gateway.stop()
    }

    @Test("services and endpoints are data the admin API edits")
    func adminEdits() async throws {
        let gateway = try await TestGateway.start()
        let key = ["Authorization": "Api-Key \(gateway.credentials.apiKey.token)"]
        let patched = try await gateway.request("PATCH", "/admin/proxy/services/heygen", headers: gateway.admin,
                                                body: #"{"is_enabled":false,"credential_policy":{"default_source":"platform"}}"#)
        #expect(patched.status == 200)
        let heygen = try await gateway.request("GET", "/api/ai-proxy/orgs/demo/services/heygen/", headers: key)
        #expect(heygen.json["is_enabled"] == false)
        #expect(heygen.json["credential_policy"]?["default_source"] == "platform")
        let endpoint = try await gateway.request("PATCH", "/admin/proxy/services/elevenlabs/endpoints/tts", headers: gateway.admin,
                                                 body: #"{"is_enabled":false}"#)
        #expect(endpoint.json["is_enabled"] == false)
        let bad = try await gateway.request("PATCH", "/admin/proxy/services/heygen", headers: gateway.admin, body: #"{"auth_mode":"magic"}"#)
        #expect(bad.status == 400)
        #expect(bad.json["error"]?.stringValue?.contains("auth_mode") == true)
        #expect(try await gateway.request("PATCH", "/admin/proxy/services/nope", headers: gateway.admin, body: "{}").status == 404)
        await gateway.stop()
    }

    @Test("the seed's frontend example runs as written against the server (Node)")
    func frontendExample() async throws {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let nodePath = try #require(node, "node is needed to run the seed's JavaScript example")
        let gateway = try await TestGateway.start()
        let output = try await runProcess(nodePath, [fixtureURL("seed000-frontend-example.mjs").path], environment: [
            "SWITCHBOARD_URL": gateway.baseURL, "SWITCHBOARD_ORG": "demo",
            "SWITCHBOARD_API_KEY": gateway.credentials.apiKey.token,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == """
            Service: ElevenLabs
              Endpoints: list-voices, list-models, tts
            Service: HeyGen
              Endpoints: list-avatars, list-voices, generate-video, video-status, remaining-quota, upload-asset

            """)
        await gateway.stop()
    }
}

/// A file in Tests/GatewayTests/Fixtures.
func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
}

/// Runs a program (never on the cooperative pool; without Foundation's Process, see ChildProcess) and collects
/// its output.
func runProcess(_ path: String, _ arguments: [String], environment: [String: String]) async throws
    -> (status: Int32, stdout: String, stderr: String) {
    let output = try await ChildProcess.run(path, arguments,
                                            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                                            timeout: .seconds(120))
    return (output.status, output.stdoutText, output.stderrText)
}
