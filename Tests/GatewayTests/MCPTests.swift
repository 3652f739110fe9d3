import Foundation
import Gateway
import HTTPCore
import JSONSchema
import Testing

@Suite("Seed 001: MCP over Streamable HTTP")
struct MCPTests {
    func rpc(_ gateway: TestGateway, _ body: String, session: String? = nil, extra: [String: String] = [:]) async throws -> TestResponse {
        var headers = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)", "Content-Type": "application/json",
                       "Accept": "application/json, text/event-stream"]
        if let session { headers["Mcp-Session-Id"] = session }
        return try await gateway.request("POST", "/api/integrations/mcp", headers: headers.merging(extra) { $1 }, body: body)
    }

    @Test("initialize negotiates the version and opens a session; requests need it; errors use JSON-RPC codes")
    func protocolBasics() async throws {
        let gateway = try await TestGateway.start()
        let initialize = try await rpc(gateway, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
        #expect(initialize.json["result"]?["protocolVersion"] == "2025-03-26")
        let session = try #require(initialize.headers["mcp-session-id"])
        let future = try await rpc(gateway, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2099-01-01"}}"#)
        #expect(future.json["result"]?["protocolVersion"] == "2025-06-18")
        #expect(try await rpc(gateway, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, session: session).status == 202)
        #expect(try await rpc(gateway, #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#, session: session).json["result"] == [:])
        let noSession = try await rpc(gateway, #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#)
        #expect(noSession.status == 400)
        #expect(try await rpc(gateway, #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#, session: "nope").status == 404)
        let unknown = try await rpc(gateway, #"{"jsonrpc":"2.0","id":4,"method":"resources/list"}"#, session: session)
        #expect(unknown.json["error"]?["code"] == -32601)
        let parse = try await rpc(gateway, "{not json", session: session)
        #expect(parse.json["error"]?["code"] == -32700)
        let invalid = try await rpc(gateway, #"{"id":5,"method":"ping"}"#, session: session)
        #expect(invalid.json["error"]?["code"] == -32600)
        let badTool = try await rpc(gateway, #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"nope__x","arguments":{}}}"#, session: session)
        #expect(badTool.json["error"]?["code"] == -32602)
        let tools = try await rpc(gateway, #"{"jsonrpc":"2.0","id":7,"method":"tools/list"}"#, session: session)
        #expect(tools.json["result"]?["tools"]?.arrayValue?.contains { $0["name"] == "stripe__create_customer" } == true)
        let otherSession = try await gateway.request(
            "POST", "/api/integrations/mcp", headers: ["Authorization": "Bearer \(gateway.credentials.other.apiKey.token)",
                                                       "Mcp-Session-Id": session], body: #"{"jsonrpc":"2.0","id":8,"method":"ping"}"#)
        #expect(otherSession.status == 404, "a session belongs to its organization")
        let info = try await gateway.request("GET", "/api/integrations/mcp/info", headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"])
        #expect((info.json["toolCount"]?.intValue ?? 0) >= 12)
        await gateway.stop()
    }

    @Test("the official Python MCP client initializes, lists tools and calls one that reaches Slack")
    func officialClient() async throws {
        let provider = try RegistryInvokeTests.providers()
        let gateway = try await RegistryInvokeTests.start(provider)
        let output = try await runProcess("/usr/bin/env", ["python3", fixtureURL("mcp_client_check.py").path], environment: [
            "MCP_URL": "\(gateway.baseURL)/api/integrations/mcp", "MCP_TOKEN": gateway.credentials.apiKey.token,
        ])
        #expect(output.status == 0, "\(output.stderr.suffix(2000))")
        let report = try JSONValue(parsing: output.stdout.split(separator: "\n").last.map(String.init) ?? "{}")
        #expect(report["server"] == "switchboard-integrations")
        #expect(report["tools"]?.arrayValue?.contains("slack__send_message") == true)
        #expect(report["schema"]?["required"] == ["channel"])
        #expect(report["okIsError"] == false)
        #expect(report["okText"]?.stringValue?.contains("1700000000.000100") == true)
        #expect(report["badIsError"] == true)
        let call = try #require(provider.requests.first { $0.target == "/api/chat.postMessage" })
        #expect(try JSONValue(parsing: call.body)["text"] == "hi from mcp")
        await gateway.stop()
        await provider.stop()
    }

    @Test("an external MCP server is registered and its tools are proxied")
    func externalServer() async throws {
        let provider = try RegistryInvokeTests.providers()
        let external = try await RegistryInvokeTests.start(provider)
        let gateway = try await TestGateway.start()
        let url = "\(external.baseURL)/api/integrations/mcp"
        // The external server needs its own credentials: reach it through a token in the URL-less header form.
        let registered = try await gateway.request("POST", "/api/integrations/mcp/register",
                                                   headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"],
                                                   body: #"{"key":"remote","name":"Remote","mcp":{"transport":"http","serverUrl":"\#(url)"}}"#)
        #expect(registered.status == 400, "the external server requires auth, so connecting without it fails clearly")
        #expect(registered.json["error"]?.stringValue?.contains("Failed to connect to MCP server") == true)
        let withAuth = try await gateway.request("POST", "/api/integrations/mcp/register",
                                                 headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"],
                                                 body: #"{"key":"remote","name":"Remote","mcp":{"transport":"http","serverUrl":"\#(url)","headers":{"Authorization":"Bearer \#(external.credentials.apiKey.token)"}}}"#)
        #expect(withAuth.status == 200, "\(withAuth.text)")
        #expect(withAuth.json["tools"]?.arrayValue?.contains("remote__slack__send_message") == true)
        let initialize = try await rpc(gateway, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}"#)
        let session = try #require(initialize.headers["mcp-session-id"])
        let proxied = try await rpc(gateway, #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"remote__slack__send_message","arguments":{"channel":"C9","text":"via proxy"}}}"#, session: session)
        #expect(proxied.json["result"]?["isError"] == false, "\(proxied.text)")
        #expect(provider.requests.contains { $0.target == "/api/chat.postMessage" && (try? JSONValue(parsing: $0.body))?["text"] == "via proxy" })
        let stdio = try await gateway.request("POST", "/api/integrations/mcp/register",
                                              headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"],
                                              body: #"{"key":"local","name":"Local","mcp":{"transport":"stdio","command":"x"}}"#)
        #expect(stdio.status == 400)
        await gateway.stop()
        await external.stop()
        await provider.stop()
    }
}
