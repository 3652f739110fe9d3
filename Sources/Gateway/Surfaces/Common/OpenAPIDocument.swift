import JSONSchema

/// One documented operation, for a surface's OpenAPI document and its plain-text summary.
struct DocumentedRoute {
    let method: String
    let path: String
    let summary: String
    let tag: String
    var request: JSONValue? = nil
    var responses: [(Int, String, JSONValue?)]
    var authenticated = true
}

/// Builds an OpenAPI 3.0.3 document from a table of routes, so the document lists what the router serves.
struct OpenAPIDocument {
    let title: String
    let description: String
    let basePath: String
    let routes: [DocumentedRoute]
    /// Security scheme names (defined in `components.securitySchemes`) each authenticated operation accepts.
    let security: [String]
    let components: JSONValue

    func json() -> JSONValue {
        var paths = JSONObject()
        for route in routes {
            let key = basePath + route.path
            var item = paths[key]?.objectValue ?? [:]
            var responses = JSONObject()
            for (code, description, schema) in route.responses {
                var response: JSONObject = ["description": .string(description)]
                if let schema { response["content"] = ["application/json": ["schema": schema]] }
                responses[String(code)] = .object(response)
            }
            var operation: JSONObject = ["summary": .string(route.summary), "tags": [.string(route.tag)],
                                         "operationId": .string(Self.operationID(route)), "responses": .object(responses)]
            let parameters = PathTemplate.names(in: route.path).map { name -> JSONValue in
                ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
            }
            if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
            if let request = route.request {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": request]]]
            }
            operation["security"] = route.authenticated ? .array(security.map { [$0: []] }) : []
            item[route.method] = .object(operation)
            paths[key] = .object(item)
        }
        return ["openapi": "3.0.3", "info": ["title": .string(title), "version": "1.0.0", "description": .string(description)],
                "servers": [["url": "/"]], "paths": .object(paths), "components": components]
    }

    static func operationID(_ route: DocumentedRoute) -> String {
        let words = route.path.split(separator: "/").map {
            $0.replacingOccurrences(of: "{", with: "by-").replacingOccurrences(of: "}", with: "")
        }
        return ([route.method] + words).joined(separator: "-").replacingOccurrences(of: ".", with: "-")
    }
}
