import HTTPCore
import HTTPServer
import JSONSchema

/// `/mcp` (POST, DELETE; GET is 405 because the server opens no SSE stream), `/mcp/info`, `/mcp/register`.
enum MCPRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform, registry: IntegrationRegistry,
                         sessions: MCPSessions) {
        let external = MCPExternalServers(repository: platform.repositories.mcpServers, http: platform.upstream.http,
                                          vault: platform.vault)
        let tools = MCPTools(platform: platform, registry: registry, external: external)
        let server = MCPServer(platform: platform, sessions: sessions, tools: tools)
        group.post("/mcp") { request in try await server.post(request) }
        group.delete("/mcp") { request in try server.delete(request) }
        group.get("/mcp/info") { request in
            let count = try await tools.list(try request.principal().organization).count
            return .json(["name": "switchboard-integrations", "version": "1.0.0", "transport": "streamable-http",
                          "protocolVersions": .array(MCPServer.supportedVersions.map(JSONValue.string)),
                          "endpoint": "/api/integrations/mcp", "capabilities": ["tools": ["listChanged": false]],
                          "toolCount": .number(JSONNumber(count))])
        }
        group.post("/mcp/register") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let registered = try await external.register(try request.jsonObject(), organizationID: principal.organization.id)
            return .json(["success": true, "key": .string(registered.key), "name": .string(registered.name),
                          "tools": .array(registered.tools.compactMap { $0["name"]?.stringValue.map { .string("\(registered.key)__\($0)") } })])
        }
    }
}
