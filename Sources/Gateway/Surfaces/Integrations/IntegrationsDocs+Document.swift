import JSONSchema

extension IntegrationsDocs {
    /// The OpenAPI 3.0.3 document of seed 001's surface (served at both prefixes; the paths list the first).
    static func document() -> JSONValue {
        OpenAPIDocument(
            title: "Switchboard Integrations service",
            description: "Seed 001: LLM execute, invoke, registry, MCP, usage, circuit breakers, database. Also served under /api/api/integrations.",
            basePath: "/api/integrations", routes: routes, security: ["bearerAuth", "apiKeyAuth", "cookieAuth"],
            components: components).json()
    }

    static let components: JSONValue = [
        "securitySchemes": [
            "bearerAuth": ["type": "http", "scheme": "bearer"],
            "apiKeyAuth": ["type": "apiKey", "in": "header", "name": "X-API-Key"],
            "cookieAuth": ["type": "apiKey", "in": "cookie", "name": "token"],
        ],
        "schemas": [
            "Error": ["type": "object", "required": ["success", "error"], "properties": [
                "success": ["type": "boolean"], "error": ["type": "string"], "retryable": ["type": "boolean"],
                "errorCategory": ["type": "string", "enum": ["auth", "validation", "rate_limit", "timeout", "provider", "network",
                                                            "not_found", "content_filter", "quota", "internal"]]]],
            "ExecuteRequest": ["type": "object", "required": ["provider", "operation", "params"], "properties": [
                "provider": ["type": "string", "enum": ["openai", "huggingface"]],
                "operation": ["type": "string", "enum": ["chat.completions", "text.generation", "embeddings"]],
                "stream": ["type": "boolean"], "credentialId": ["type": "string"],
                "timeout": ["type": "integer", "minimum": 100, "maximum": 120_000,
                            "description": "Milliseconds the provider may take (default 120000); 504 after that."],
                "params": ["type": "object", "properties": [
                    "model": ["type": "string"], "messages": ["type": "array", "items": ["type": "object"]],
                    "prompt": ["type": "string"], "input": [:], "temperature": ["type": "number", "minimum": 0, "maximum": 2],
                    "maxTokens": ["type": "integer"], "topP": ["type": "number"], "stop": ["type": "array", "items": ["type": "string"]],
                    "seed": ["type": "integer"]]]]],
            "NormalizedLLMResponse": ["type": "object", "properties": [
                "provider": ["type": "string"], "model": ["type": "string"], "content": ["type": "string"],
                "usage": ["type": "object", "properties": ["promptTokens": ["type": "integer"], "completionTokens": ["type": "integer"],
                                                           "totalTokens": ["type": "integer"]]],
                "finishReason": ["type": "string", "enum": ["stop", "length", "content_filter", "tool_calls", "error", "incomplete"]],
                "metadata": ["type": "object"]]],
            "ExecuteResponse": ["type": "object", "properties": [
                "success": ["type": "boolean"], "data": ["$ref": "#/components/schemas/NormalizedLLMResponse"],
                "requestId": ["type": "string"], "durationMs": ["type": "number"]]],
            "InvokeRequest": ["type": "object", "required": ["operation"], "properties": [
                "operation": ["type": "string"], "body": ["type": "object"],
                "timeout": ["type": "integer", "minimum": 100, "maximum": 120_000,
                            "description": "Milliseconds the provider may take (default 30000); 504 after that."],
                "credentialId": ["type": "string"]]],
            "RegisterRequest": ["type": "object", "required": ["key", "name", "type", "operations"], "properties": [
                "key": ["type": "string"], "name": ["type": "string"], "type": ["type": "string", "enum": ["openapi", "custom"]],
                "baseUrl": ["type": "string"], "auth": ["type": "object"], "operations": ["type": "array", "items": ["type": "object"]]]],
            "ProviderInfo": ["type": "object", "properties": [
                "name": ["type": "string"], "baseUrl": ["type": "string"], "defaultModel": ["type": "string"],
                "supportedOperations": ["type": "array", "items": ["type": "string"]], "configured": ["type": "boolean"]]],
        ],
    ]

    /// The same routes as plain text, for language models (`/docs/llms-full.txt`).
    static func llmsFullText() -> String {
        var lines = ["# Switchboard Integrations service (seed 001)", "",
                     "Base paths: /api/integrations and /api/api/integrations (identical).",
                     "Auth: Authorization: Bearer <key or JWT>, X-API-Key: <key>, or cookie token=<key>. X-Org-Id must name your own organization.",
                     "Errors: {\"success\": false, \"error\": \"…\", \"errorCategory\": \"…\", \"retryable\": …}.", "", "## Endpoints", ""]
        for route in routes {
            let codes = route.responses.map { "\($0.0) \($0.1)" }.joined(separator: "; ")
            lines.append("- \(route.method.uppercased()) /api/integrations\(route.path): \(route.summary). Responses: \(codes).")
        }
        lines += ["", "## Execute", "", "Request: {\"provider\": \"openai\" | \"huggingface\", \"operation\": \"chat.completions\" | \"text.generation\" | \"embeddings\", \"params\": {\"model\", \"messages\" | \"prompt\" | \"input\", \"temperature\", \"maxTokens\", \"topP\", \"stop\", \"seed\"}, \"stream\": false}.",
                  "Response: {\"success\": true, \"data\": {\"provider\", \"model\", \"content\", \"usage\": {\"promptTokens\", \"completionTokens\", \"totalTokens\"}, \"finishReason\", \"metadata\"}, \"requestId\", \"durationMs\"}.",
                  "With stream true: text/event-stream with `event: delta` ({\"content\"}) events and a final `event: done` carrying the full response.",
                  "", "## MCP", "", "POST /api/integrations/mcp speaks MCP over Streamable HTTP (2025-06-18, 2025-03-26, 2024-11-05). Tools are <integration>__<operation>.", ""]
        return lines.joined(separator: "\n")
    }
}
