import HTTPCore
import HTTPServer
import JSONSchema

/// `GET /api/v1/openapi`: seed 002's surface as OpenAPI 3.0.3, from the table of routes it serves.
enum AutomationDocs {
    static let error: JSONValue = ["$ref": "#/components/schemas/Error"]
    static let object: JSONValue = ["type": "object"]
    static let list: JSONValue = ["type": "array", "items": ["type": "object"]]
    static let common: [(Int, String, JSONValue?)] = [(401, "Missing or invalid API key", error), (429, "Rate limit exceeded", error)]
    static let writes: [(Int, String, JSONValue?)] = [(400, "Validation error", error), (403, "Insufficient permissions", error)] + common

    static let routes: [DocumentedRoute] = [
        DocumentedRoute(method: "get", path: "/workflows", summary: "List workflows (limit, offset; X-Total-Count)", tag: "Workflows",
                        responses: [(200, "Workflows", list), (400, "Bad pagination", error)] + common),
        DocumentedRoute(method: "post", path: "/workflows", summary: "Create a workflow", tag: "Workflows",
                        request: ["$ref": "#/components/schemas/WorkflowInput"], responses: [(201, "Created", object)] + writes),
        DocumentedRoute(method: "get", path: "/workflows/{id}", summary: "Get a workflow", tag: "Workflows",
                        responses: [(200, "Workflow", object), (404, "Not found", error)] + common),
        DocumentedRoute(method: "put", path: "/workflows/{id}", summary: "Replace a workflow", tag: "Workflows",
                        request: ["$ref": "#/components/schemas/WorkflowInput"],
                        responses: [(200, "Updated", object), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "patch", path: "/workflows/{id}", summary: "Change some fields of a workflow", tag: "Workflows",
                        request: object, responses: [(200, "Updated", object), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "delete", path: "/workflows/{id}", summary: "Delete a workflow", tag: "Workflows",
                        responses: [(204, "Deleted", nil), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "post", path: "/workflows/{id}/execute", summary: "Start an execution", tag: "Workflows",
                        request: ["type": "object", "properties": ["input": ["type": "object"]]],
                        responses: [(202, "{executionId, status: pending, startedAt}", object), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "get", path: "/executions/{id}", summary: "Get an execution with its steps", tag: "Executions",
                        responses: [(200, "Execution", object), (404, "Not found", error)] + common),
        DocumentedRoute(method: "post", path: "/executions/{id}", summary: "Cancel an execution ({\"action\": \"cancel\"})", tag: "Executions",
                        request: ["type": "object", "required": ["action"], "properties": ["action": ["type": "string", "enum": ["cancel"]]]],
                        responses: [(202, "Cancelling", object), (404, "Not found", error), (409, "Already finished", error)] + writes),
        DocumentedRoute(method: "get", path: "/credentials", summary: "List credentials (sanitized)", tag: "Credentials",
                        responses: [(200, "Credentials", list)] + common),
        DocumentedRoute(method: "post", path: "/credentials", summary: "Create a credential (sealed with AES-256-GCM)", tag: "Credentials",
                        request: object, responses: [(201, "Created (sanitized)", object)] + writes),
        DocumentedRoute(method: "get", path: "/credentials/{id}", summary: "Get a credential (sanitized)", tag: "Credentials",
                        responses: [(200, "Credential", object), (404, "Not found", error)] + common),
        DocumentedRoute(method: "delete", path: "/credentials/{id}", summary: "Delete a credential", tag: "Credentials",
                        responses: [(204, "Deleted", nil), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "get", path: "/connectors", summary: "Connector instances, or ?available=true for the types and actions",
                        tag: "Connectors", responses: [(200, "Connectors", list)] + common),
        DocumentedRoute(method: "post", path: "/connectors", summary: "Create a connector bound to a credential", tag: "Connectors",
                        request: object, responses: [(201, "Created", object)] + writes),
        DocumentedRoute(method: "get", path: "/connectors/{id}", summary: "Get a connector", tag: "Connectors",
                        responses: [(200, "Connector", object), (404, "Not found", error)] + common),
        DocumentedRoute(method: "delete", path: "/connectors/{id}", summary: "Delete a connector", tag: "Connectors",
                        responses: [(204, "Deleted", nil), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "get", path: "/webhooks", summary: "List webhooks", tag: "Webhooks", responses: [(200, "Webhooks", list)] + common),
        DocumentedRoute(method: "post", path: "/webhooks", summary: "Create a webhook (the secret is returned once)", tag: "Webhooks",
                        request: object, responses: [(201, "Created", object)] + writes),
        DocumentedRoute(method: "get", path: "/webhooks/{id}", summary: "Get a webhook", tag: "Webhooks",
                        responses: [(200, "Webhook", object), (404, "Not found", error)] + common),
        DocumentedRoute(method: "delete", path: "/webhooks/{id}", summary: "Delete a webhook", tag: "Webhooks",
                        responses: [(204, "Deleted", nil), (404, "Not found", error)] + writes),
        DocumentedRoute(method: "get", path: "/webhooks/{id}/deliveries", summary: "The webhook's delivery log", tag: "Webhooks",
                        responses: [(200, "Deliveries", list), (404, "Not found", error)] + common),
        DocumentedRoute(method: "get", path: "/openapi", summary: "This document", tag: "Docs", responses: [(200, "OpenAPI 3.0.3", object)],
                        authenticated: false),
    ]

    static let components: JSONValue = [
        "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "description": "An API key: sk_…"]],
        "schemas": [
            "Error": ["type": "object", "required": ["error"], "properties": ["error": ["type": "string"], "details": list]],
            "WorkflowInput": ["type": "object", "required": ["name", "definition"], "properties": [
                "name": ["type": "string"], "description": ["type": "string"], "isPublic": ["type": "boolean"],
                "definition": ["type": "object", "required": ["steps"], "properties": ["steps": ["type": "array", "items": [
                    "type": "object", "required": ["name", "type"], "properties": [
                        "name": ["type": "string"], "type": ["type": "string", "enum": ["http_request", "connector"]],
                        "config": ["type": "object"], "timeoutMs": ["type": "integer"], "retry": ["type": "object"]]]]]]]],
        ],
    ]

    static func register(on router: inout RouterBuilder) {
        let document = OpenAPIDocument(title: "Switchboard Integration layer",
                                       description: "Seed 002: workflows, executions, credentials, connectors, webhooks. 100 requests per minute per key.",
                                       basePath: "/api/v1", routes: routes, security: ["bearerAuth"], components: components)
            .json().serialized(pretty: true)
        router.get("/api/v1/openapi") { _ in .json(document) }
    }
}
