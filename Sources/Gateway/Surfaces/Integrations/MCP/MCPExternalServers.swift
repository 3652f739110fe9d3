import HTTPClient
import JSONSchema

/// External MCP servers an organization registered; their tools are listed and proxied as its own.
final class MCPExternalServers: Sendable {
    struct Server: Sendable {
        let key: String
        let name: String
        let url: String
        let tools: [JSONValue]
        /// Headers sent to the server (its auth), opened from the vault.
        let headers: [(String, String)]
    }

    let repository: any MCPServerRepository
    let http: HTTPClient
    let vault: Vault

    init(repository: any MCPServerRepository, http: HTTPClient, vault: Vault) {
        self.repository = repository
        self.http = http
        self.vault = vault
    }

    func servers(organizationID: String) async throws -> [Server] {
        try await repository.servers(organizationID: organizationID).map { stored in
            let key = stored.key
            let headers = try stored.sealedHeaders.map { try vault.open($0, for: "mcp:\(organizationID):\(key)") }
            return Server(key: key, name: stored.name, url: stored.url, tools: stored.tools, headers: Self.pairs(headers))
        }
    }

    static func pairs(_ value: JSONValue?) -> [(String, String)] {
        (value?.objectValue ?? [:]).compactMap { name, value in value.stringValue.map { (name, $0) } }
    }

    /// Connects, lists the server's tools, and stores them (seed 001 `POST …/mcp/register`).
    func register(_ body: JSONObject, organizationID: String) async throws -> Server {
        let key = try body.requiredString("key")
        try Validation.slug(key, field: "key")
        let name = try body.requiredString("name")
        guard let mcp = body["mcp"]?.objectValue else { throw PlatformError.invalid("mcp is required: {transport, serverUrl}") }
        let transport = try mcp.optionalString("transport") ?? "http"
        guard transport == "http" else {
            throw PlatformError.invalid("transport '\(transport)' is not available here; register a Streamable HTTP server (transport http)")
        }
        let url = try mcp.requiredString("serverUrl")
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw PlatformError.invalid("mcp.serverUrl must be an http(s) URL") }
        let headerValue = mcp["headers"] ?? [:]
        guard headerValue.objectValue?.allSatisfy({ $0.value.stringValue != nil }) == true else {
            throw PlatformError.invalid("mcp.headers must be an object of strings")
        }
        let headers = Self.pairs(headerValue)
        let tools: [JSONValue]
        do {
            let client = MCPClient(http: http, url: url, headers: headers)
            let (session, version) = try await client.connect()
            let (result, _) = try await client.send(method: "tools/list", params: [:], session: session, version: version)
            tools = result["tools"]?.arrayValue ?? []
        } catch {
            throw PlatformError.invalid("Failed to connect to MCP server at \(url): \(error)")
        }
        let sealed = headers.isEmpty ? nil : try vault.seal(headerValue, for: "mcp:\(organizationID):\(key)")
        do {
            try await repository.insert(SealedMCPServer(key: key, name: name, url: url, tools: tools, sealedHeaders: sealed),
                                        organizationID: organizationID, at: Timestamp.now())
        } catch is DuplicateRecord {
            throw PlatformError.conflict("an MCP server with key '\(key)' is already registered")
        }
        return Server(key: key, name: name, url: url, tools: tools, headers: headers)
    }

    /// Calls a tool on the external server in a fresh session and returns its result unchanged.
    func call(_ server: Server, tool: String, arguments: JSONValue) async throws -> JSONValue {
        guard server.tools.contains(where: { $0["name"]?.stringValue == tool }) else {
            throw JSONRPCError(code: JSONRPC.invalidParams, message: "Unknown tool: \(server.key)__\(tool)")
        }
        do {
            let client = MCPClient(http: http, url: server.url, headers: server.headers)
            let (session, version) = try await client.connect()
            let (result, _) = try await client.send(method: "tools/call", params: ["name": .string(tool), "arguments": arguments],
                                                    session: session, version: version)
            return result
        } catch {
            return MCPTools.result("The MCP server \(server.key) failed: \(error)", isError: true)
        }
    }
}
