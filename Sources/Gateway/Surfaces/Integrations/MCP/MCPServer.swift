import HTTPCore
import JSONSchema

/// Seed 001's MCP endpoint: an MCP server over Streamable HTTP (MCP 2025-06-18, "Transports"), JSON-RPC 2.0.
/// Every operation the organization can invoke is a tool named `<integration>__<operation>` with the
/// operation's input schema; tools of registered external MCP servers are proxied as `<key>__<tool>`.
struct MCPServer {
    static let supportedVersions = ["2025-06-18", "2025-03-26", "2024-11-05"]
    static let serverInfo: JSONValue = ["name": "switchboard-integrations", "version": "1.0.0"]

    let platform: Platform
    let sessions: MCPSessions
    let tools: MCPTools

    /// POST: one message (or a batch, for 2025-03-26 clients); answers JSON, or 202 for notifications.
    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let principal = try request.principal()
        guard let message = try? JSONValue(parsing: request.bodyBytes) else {
            return .json(JSONRPC.error(nil, code: JSONRPC.parseError, message: "Parse error: the body is not JSON"),
                         status: .badRequest)
        }
        if let batch = message.arrayValue {
            var replies: [JSONValue] = []
            for item in batch {
                if let reply = try await handle(item, request: request, principal: principal).body { replies.append(reply) }
            }
            return replies.isEmpty ? HTTPResponse(status: .accepted) : .json(.array(replies))
        }
        let outcome = try await handle(message, request: request, principal: principal)
        guard let body = outcome.body else { return HTTPResponse(status: .accepted) }
        var response = HTTPResponse.json(body, status: outcome.status)
        if let session = outcome.sessionID { response.headers.add(name: "Mcp-Session-Id", value: session) }
        return response
    }

    /// DELETE ends a session (MCP 2025-06-18, "Session Management" §5).
    func delete(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let id = request.headers["Mcp-Session-Id"] else {
            return .json(JSONRPC.error(nil, code: JSONRPC.invalidRequest, message: "Missing Mcp-Session-Id"), status: .badRequest)
        }
        guard let session = sessions.session(id), session.organizationID == (try request.principal().organization.id) else {
            return .json(JSONRPC.error(nil, code: JSONRPC.invalidRequest, message: "Unknown session"), status: .notFound)
        }
        sessions.end(id)
        return HTTPResponse(status: .noContent)
    }

    struct Outcome {
        var body: JSONValue?
        var status: HTTPStatus = .ok
        var sessionID: String?
    }

    private func handle(_ message: JSONValue, request: HTTPRequest, principal: Principal) async throws -> Outcome {
        guard let object = message.objectValue, object["jsonrpc"] == "2.0" else {
            return Outcome(body: JSONRPC.error(message["id"] ?? nil, code: JSONRPC.invalidRequest,
                                               message: "Invalid Request: expected a JSON-RPC 2.0 object"), status: .badRequest)
        }
        let id = object["id"]
        guard let method = object["method"]?.stringValue else {
            // A response or error sent by the client: accepted, nothing to answer.
            return object["result"] != nil || object["error"] != nil ? Outcome(body: nil, status: .accepted)
                : Outcome(body: JSONRPC.error(id ?? nil, code: JSONRPC.invalidRequest, message: "Invalid Request: no method"),
                          status: .badRequest)
        }
        let params = object["params"] ?? [:]
        if method == "initialize" {
            guard let id else { return Outcome(body: nil, status: .accepted) }
            let requested = params["protocolVersion"]?.stringValue ?? Self.supportedVersions[0]
            let version = Self.supportedVersions.contains(requested) ? requested : Self.supportedVersions[0]
            let session = sessions.create(organizationID: principal.organization.id, protocolVersion: version)
            let result: JSONValue = ["protocolVersion": .string(version), "capabilities": ["tools": ["listChanged": false]],
                                     "serverInfo": Self.serverInfo,
                                     "instructions": "Each tool is an integration operation of your organization."]
            return Outcome(body: JSONRPC.result(id, result), sessionID: session)
        }
        if let failure = sessionFailure(request, principal: principal, id: id ?? nil) { return failure }
        guard let id else {
            if method == "notifications/initialized", let session = request.headers["Mcp-Session-Id"] { sessions.markInitialized(session) }
            return Outcome(body: nil, status: .accepted)
        }
        do {
            switch method {
            case "ping": return Outcome(body: JSONRPC.result(id, [:]))
            case "tools/list": return Outcome(body: JSONRPC.result(id, ["tools": .array(try await tools.list(principal.organization))]))
            case "tools/call": return Outcome(body: JSONRPC.result(id, try await tools.call(params, principal: principal)))
            default: return Outcome(body: JSONRPC.error(id, code: JSONRPC.methodNotFound, message: "Method not found: \(method)"))
            }
        } catch let error as JSONRPCError {
            return Outcome(body: JSONRPC.error(id, code: error.code, message: error.message))
        }
    }

    /// 400 without a session id, 404 for an unknown or foreign session, 400 for an unsupported protocol header.
    private func sessionFailure(_ request: HTTPRequest, principal: Principal, id: JSONValue) -> Outcome? {
        guard let sessionID = request.headers["Mcp-Session-Id"] else {
            return Outcome(body: JSONRPC.error(id, code: JSONRPC.invalidRequest, message: "Missing Mcp-Session-Id header; call initialize first"),
                           status: .badRequest)
        }
        guard let session = sessions.session(sessionID), session.organizationID == principal.organization.id else {
            return Outcome(body: JSONRPC.error(id, code: JSONRPC.invalidRequest, message: "Unknown or expired session"), status: .notFound)
        }
        if let version = request.headers["MCP-Protocol-Version"], !Self.supportedVersions.contains(version) {
            return Outcome(body: JSONRPC.error(id, code: JSONRPC.invalidRequest, message: "Unsupported MCP-Protocol-Version \(version)"),
                           status: .badRequest)
        }
        return nil
    }
}
