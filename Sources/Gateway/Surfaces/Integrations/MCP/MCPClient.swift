import HTTPClient
import HTTPCore
import JSONSchema

/// A minimal MCP client over Streamable HTTP, for external servers registered with `/mcp/register`:
/// initialize, notifications/initialized, then requests, reading JSON or SSE answers.
struct MCPClient {
    let http: HTTPClient
    let url: String
    /// Extra headers for every message (the server's own auth).
    var headers: [(String, String)] = []

    /// Opens a session: the server's session id (if any) and negotiated protocol version.
    func connect() async throws -> (session: String?, version: String) {
        let (result, session) = try await send(method: "initialize", params: [
            "protocolVersion": .string(MCPServer.supportedVersions[0]), "capabilities": [:],
            "clientInfo": ["name": "switchboard", "version": "1.0.0"],
        ], session: nil, version: nil)
        let version = result["protocolVersion"]?.stringValue ?? MCPServer.supportedVersions[0]
        _ = try? await post(["jsonrpc": "2.0", "method": "notifications/initialized"], session: session, version: version)
        return (session, version)
    }

    /// Sends a request and returns its `result`, throwing on a JSON-RPC error.
    func send(method: String, params: JSONValue, session: String?, version: String?) async throws -> (JSONValue, String?) {
        let (reply, newSession) = try await post(["jsonrpc": "2.0", "id": 1, "method": .string(method), "params": params],
                                                 session: session, version: version)
        if let error = reply["error"] { throw PlatformError.invalid("MCP server error: \(error["message"]?.stringValue ?? error.serialized())") }
        return (reply["result"] ?? [:], newSession ?? session)
    }

    private func post(_ message: JSONValue, session: String?, version: String?) async throws -> (JSONValue, String?) {
        var headers = HTTPHeaders(self.headers)
        headers.add(name: "Accept", value: "application/json, text/event-stream")
        if let session { headers.add(name: "Mcp-Session-Id", value: session) }
        if let version { headers.add(name: "MCP-Protocol-Version", value: version) }
        let response = try await http.send(HTTPClientRequest(method: .post, url: url, headers: headers,
                                                             body: .json(message.serializedBytes()), timeout: .seconds(20)))
        let bytes = try await response.collect(upTo: 8 << 20)
        guard response.status.code < 400 else { throw PlatformError.invalid("MCP server answered \(response.status.code)") }
        let sessionID = response.headers["Mcp-Session-Id"]
        if response.headers["Content-Type"]?.hasPrefix("text/event-stream") == true {
            var reader = SSELineReader()
            let payloads = reader.feed(bytes + [0x0A])
            let reply = payloads.compactMap { try? JSONValue(parsing: $0) }.first { $0["id"] != nil } ?? [:]
            return (reply, sessionID)
        }
        return (bytes.isEmpty ? [:] : try JSONValue(parsing: bytes), sessionID)
    }
}
