import Foundation
import JSONSchema

/// Seed 004's endpoint configuration and its validation rules, with the seed's exact error messages.
enum EndpointConfig {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    static let authTypes = ["bearer_token", "api_key", "cookie"]

    /// A validation failure: either `{"errors": [{field, message}]}` or `{"error": message}` (seed 004).
    static func fieldErrors(_ errors: [(String, String)]) -> SurfaceError {
        SurfaceError(.badRequest, errors.first?.1 ?? "Validation failed",
                     body: ["errors": .array(errors.map { ["field": .string($0.0), "message": .string($0.1)] })])
    }

    /// Validates a full endpoint (create, bulk) or a partial one (update) and returns it normalized.
    static func validate(_ body: JSONObject, partial: Bool, existing: JSONObject? = nil, prefix: String = "") throws -> JSONObject {
        var errors: [(String, String)] = []
        var result = existing ?? [:]
        /// A given field, or null when a full endpoint omits a required one.
        func required(_ name: String) -> JSONValue? {
            if let value = body[name] { return value }
            return partial ? Optional<JSONValue>.none : .some(.null)
        }
        if let value = required("base_url") {
            if let text = value.stringValue, let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
               url.host?.isEmpty == false {
                result["base_url"] = .string(text)
            } else {
                errors.append(("\(prefix)base_url", "base_url must be a valid URL with protocol"))
            }
        }
        if let value = required("path") {
            if let text = value.stringValue, !text.isEmpty { result["path"] = .string(text) } else {
                errors.append(("\(prefix)path", "path must be a non-empty string"))
            }
        }
        if let value = body["methods"] {
            if let list = value.arrayValue, !list.isEmpty, list.allSatisfy({ methods.contains($0.stringValue ?? "") }) {
                result["methods"] = value
            } else if value.arrayValue == nil {
                errors.append(("\(prefix)methods", "methods must be an array"))
            } else {
                errors.append(("\(prefix)methods", "methods must contain only GET, POST, PUT, PATCH, DELETE"))
            }
        } else if result["methods"] == nil {
            result["methods"] = ["GET"]
        }
        if let value = body["description"], !value.isNull {
            if let text = value.stringValue { result["description"] = .string(text) } else {
                errors.append(("\(prefix)description", "description must be a string"))
            }
        } else if result["description"] == nil {
            result["description"] = .string("")
        }
        guard errors.isEmpty else { throw fieldErrors(errors) }
        if body.keys.contains("authentication") {
            result["authentication"] = try validateAuthentication(body["authentication"] ?? nil)
        } else if result["authentication"] == nil {
            result["authentication"] = .null
        }
        return result
    }

    /// The authentication object, checked per type (seed 004, "Authentication Type-Specific Validations").
    static func validateAuthentication(_ value: JSONValue) throws -> JSONValue {
        guard !value.isNull else { return .null }
        guard let object = value.objectValue, let type = object["type"]?.stringValue, authTypes.contains(type) else {
            throw SurfaceError(.badRequest, "Invalid authentication type. Must be one of: bearer_token, api_key, cookie")
        }
        func present(_ field: String) -> Bool { object[field]?.stringValue?.isEmpty == false }
        switch type {
        case "bearer_token":
            guard present("token") else { throw SurfaceError(.badRequest, "token is required for bearer_token authentication") }
            return ["type": "bearer_token", "token": object["token"] ?? nil]
        case "api_key":
            guard present("key_name"), present("key_value") else {
                throw SurfaceError(.badRequest, "key_name and key_value are required for api_key authentication")
            }
            let location = object["location"]?.stringValue ?? ""
            guard location == "header" || location == "query" else {
                throw SurfaceError(.badRequest, "location must be header or query for api_key authentication")
            }
            return ["type": "api_key", "key_name": object["key_name"] ?? nil, "key_value": object["key_value"] ?? nil,
                    "location": .string(location)]
        default:
            guard present("cookie") else { throw SurfaceError(.badRequest, "cookie is required for cookie authentication") }
            return ["type": "cookie", "cookie": object["cookie"] ?? nil]
        }
    }

    /// The endpoint as responses show it: secrets replaced by `configured: true`.
    static func sanitized(_ endpoint: JSONObject) -> JSONValue {
        var copy = endpoint
        copy["authentication"] = sanitizedAuthentication(endpoint["authentication"] ?? nil)
        return ["base_url": copy["base_url"] ?? nil, "path": copy["path"] ?? nil, "methods": copy["methods"] ?? ["GET"],
                "description": copy["description"] ?? "", "authentication": copy["authentication"] ?? nil]
    }

    static func sanitizedAuthentication(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue, let type = object["type"] else { return .null }
        var result: JSONObject = ["type": type]
        if type == "api_key" {
            result["key_name"] = object["key_name"] ?? nil
            result["location"] = object["location"] ?? nil
        }
        result["configured"] = true
        return .object(result)
    }

    /// `endpoint_name` must work as a tool name: letters, digits, `_` and `-`, 1 to 64 characters.
    static func validateName(_ name: String) throws {
        let valid = (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-"
        }
        if !valid {
            throw fieldErrors([("endpoint_name", "endpoint_name must be 1-64 letters, digits, underscores or hyphens")])
        }
    }
}
