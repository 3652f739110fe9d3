import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 001's documentation: `/docs/openapi.json` (OpenAPI 3.0.3) and `/docs/llms-full.txt`, both made
/// from one table of the routes this surface really serves.
enum IntegrationsDocs {
    typealias Route = DocumentedRoute

    static let error: JSONValue = ["$ref": "#/components/schemas/Error"]
    static let object: JSONValue = ["type": "object"]
    static let common: [(Int, String, JSONValue?)] = [(401, "Authentication required", error), (429, "Rate limit exceeded", error)]

    static let routes: [Route] = [
        Route(method: "post", path: "/execute", summary: "Execute an LLM operation", tag: "LLM",
              request: ["$ref": "#/components/schemas/ExecuteRequest"],
              responses: [(200, "Normalized result, or text/event-stream when stream is true", ["$ref": "#/components/schemas/ExecuteResponse"]),
                          (400, "Invalid request or validation error", error), (404, "Model or credential not found", error),
                          (502, "Provider error", error), (503, "Circuit breaker open", error), (504, "Request timed out", error)] + common),
        Route(method: "post", path: "/invoke", summary: "Invoke any registered integration operation", tag: "Integrations",
              request: ["$ref": "#/components/schemas/InvokeRequest"],
              responses: [(200, "Successful invocation", object), (400, "Invalid request or input", error),
                          (404, "Operation not found", error), (502, "Provider error", object)] + common),
        Route(method: "get", path: "/providers", summary: "List available providers", tag: "Providers",
              responses: [(200, "List of providers", ["type": "object", "required": ["providers"], "properties": [
                  "providers": ["type": "array", "items": ["$ref": "#/components/schemas/ProviderInfo"]]]])] + common),
        Route(method: "get", path: "/providers/{provider}", summary: "Get provider configuration", tag: "Providers",
              responses: [(200, "Provider configuration", ["$ref": "#/components/schemas/ProviderInfo"]), (404, "Provider not found", error)] + common),
        Route(method: "get", path: "/providers/{provider}/models", summary: "Get available models for a provider (asked of the provider)",
              tag: "Providers", responses: [(200, "List of models", object), (404, "Provider not found", error), (502, "Provider error", error)] + common),
        Route(method: "get", path: "/capabilities", summary: "Get comprehensive provider capabilities", tag: "Providers",
              responses: [(200, "Provider capabilities", object)] + common),
        Route(method: "get", path: "/registry", summary: "List all registered integrations", tag: "Integrations",
              responses: [(200, "List of integrations", ["type": "array", "items": object])] + common),
        Route(method: "post", path: "/register", summary: "Register a new integration", tag: "Integrations",
              request: ["$ref": "#/components/schemas/RegisterRequest"],
              responses: [(200, "Integration registered", object), (400, "Invalid request", error), (409, "Key already taken", error)] + common),
        Route(method: "get", path: "/registry/{key}/operations", summary: "Get operations for an integration", tag: "Integrations",
              responses: [(200, "List of operations", ["type": "array", "items": object]), (404, "Integration not found", error)] + common),
        Route(method: "post", path: "/mcp", summary: "MCP JSON-RPC endpoint (Streamable HTTP)", tag: "MCP", request: object,
              responses: [(200, "MCP response", object), (202, "Notification accepted", nil), (400, "Bad message or missing session", object),
                          (404, "Unknown session", object)] + common),
        Route(method: "delete", path: "/mcp", summary: "End an MCP session", tag: "MCP",
              responses: [(204, "Session ended", nil), (404, "Unknown session", object)] + common),
        Route(method: "get", path: "/mcp/info", summary: "Get MCP server info", tag: "MCP", responses: [(200, "Server info", object)] + common),
        Route(method: "post", path: "/mcp/register", summary: "Register an external MCP server", tag: "MCP", request: object,
              responses: [(200, "MCP server registered", object), (400, "Failed to connect to MCP server", error)] + common),
        Route(method: "get", path: "/usage", summary: "Get usage summary for organization", tag: "Usage",
              responses: [(200, "Usage summary", object), (400, "Invalid range", error)] + common),
        Route(method: "get", path: "/status", summary: "Get service status", tag: "Health",
              responses: [(200, "Service status", object)], authenticated: false),
        Route(method: "get", path: "/circuit-breaker", summary: "Get circuit breaker status", tag: "Health",
              responses: [(200, "Circuit breaker status", object)] + common),
        Route(method: "post", path: "/circuit-breaker/reset", summary: "Reset all circuit breakers", tag: "Health",
              responses: [(200, "All circuits reset", object), (403, "Admin role required", error)] + common),
        Route(method: "post", path: "/circuit-breaker/reset/{provider}", summary: "Reset circuit breaker for a provider", tag: "Health",
              responses: [(200, "Circuit reset", object), (403, "Admin role required", error), (404, "Provider not found", error)] + common),
        Route(method: "post", path: "/db/export", summary: "Export the live database to a file (SQLite backup API)", tag: "Database",
              responses: [(200, "Export successful", object), (403, "Admin role required", error), (500, "Export failed", error)] + common),
        Route(method: "get", path: "/db/status", summary: "Get database status", tag: "Database",
              responses: [(200, "Database status", object)] + common),
    ]

    static func register(on router: inout RouterBuilder) {
        let openAPI = document().serialized(pretty: true)
        let text = llmsFullText()
        router.get("/docs/openapi.json") { _ in .json(openAPI) }
        router.get("/docs/llms-full.txt") { _ in .text(text) }
    }
}
