import HTTPClient
import JSONSchema
import Store

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

    let database: Database
    let http: HTTPClient
    let vault: Vault

    init(database: Database, http: HTTPClient, vault: Vault) {
        self.database = database
        self.http = http
        self.vault = vault
    }

    func servers(organizationID: String) async throws -> [Server] {
        let rows: [Row] = try await database.read { connection in
            try connection.query("SELECT * FROM mcp_servers WHERE org_id = ? ORDER BY key", [.text(organizationID)])
        }
        return try rows.map { row in
            let key: String = try row.require("key")
            let headers = try row.string("sealed_headers").map { try vault.open($0, for: "mcp:\(organizationID):\(key)") }
            return Server(key: key, name: try row.require("name"), url: try row.require("url"),
                          tools: (try? JSONValue(parsing: try row.require("tools", as: String.self)))?.arrayValue ?? [],
                          headers: Self.pairs(headers))
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
            try await database.write { connection in
                try connection.execute("""
                    INSERT INTO mcp_servers (org_id, key, name, url, tools, sealed_headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(organizationID), .text(key), .text(name), .text(url),
                          .text(JSONValue.array(tools).serialized()), SQLValue(sealed), .text(Timestamp.now())])
            }
        } catch let error as StoreError where error.isUniqueViolation {
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
