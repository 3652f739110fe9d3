import HTTPClient
import JSONSchema

/// The upstream request body for each `request_mode`.
enum AIProxyBodies {
    static func body(for endpoint: ProxyEndpoint, input: InvokeRequest) throws -> HTTPClientRequestBody {
        let slug = endpoint.slug
        if ["GET", "DELETE"].contains(endpoint.httpMethod) {
            guard input.body == nil, input.files.isEmpty else {
                throw PlatformError.invalid("Endpoint '\(slug)' is \(endpoint.httpMethod) and takes no body or files")
            }
            return .none
        }
        switch endpoint.requestMode {
        case "json":
            guard input.files.isEmpty else { throw PlatformError.invalid("Endpoint '\(slug)' takes JSON, not files") }
            guard let body = input.body else { return .json(Array("{}".utf8)) }
            guard body.objectValue != nil || body.arrayValue != nil else {
                throw PlatformError.invalid("body must be a JSON object or array for endpoint '\(slug)'")
            }
            return .json(body.serializedBytes())
        case "form":
            guard let object = input.body?.objectValue ?? (input.body == nil ? [:] : nil) else {
                throw PlatformError.invalid("body must be an object of fields for endpoint '\(slug)'")
            }
            return .form(try fields(object, slug: slug))
        case "multipart":
            let object = input.body?.objectValue ?? [:]
            if input.body != nil && input.body?.objectValue == nil {
                throw PlatformError.invalid("body must be an object of fields for endpoint '\(slug)'")
            }
            var parts = try fields(object, slug: slug).map { MultipartPart(name: $0.0, bytes: Array($0.1.utf8)) }
            parts += input.files.map {
                MultipartPart(name: $0.field, filename: $0.filename, contentType: $0.contentType, bytes: $0.bytes)
            }
            return .multipart(parts)
        case "binary":
            guard input.files.count == 1, let file = input.files.first else {
                throw PlatformError.invalid("Endpoint '\(slug)' uploads raw bytes: give exactly one entry in files")
            }
            return .binary(file.bytes, contentType: file.contentType)
        default:
            return .none
        }
    }

    private static func fields(_ object: JSONObject, slug: String) throws -> [(String, String)] {
        try object.map { name, value in
            switch value {
            case .string(let text): return (name, text)
            case .number(let number): return (name, number.description)
            case .bool(let flag): return (name, flag ? "true" : "false")
            default: throw PlatformError.invalid("body.\(name) must be a string, number or boolean for endpoint '\(slug)'")
            }
        }
    }
}
