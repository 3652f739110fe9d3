import Foundation
import JSONSchema

/// The body of seed 000's invoke call: `{"body", "query", "headers", "path_params", "files"}`, all optional,
/// plus `stream` (use an endpoint's streaming variant) and `callback_url` (for asynchronous jobs).
struct InvokeRequest {
    /// One upload: `{"filename": "a.png", "content_type": "image/png", "content_base64": "…"}`.
    struct File {
        let field: String
        let filename: String
        let contentType: String
        let bytes: [UInt8]
    }

    var body: JSONValue?
    var query: [(String, String)] = []
    var headers: [(String, String)] = []
    var pathParameters: [String: String] = [:]
    var files: [File] = []
    var stream = false
    var callbackURL: String?

    static let knownFields: Set<String> = ["body", "query", "headers", "path_params", "files", "stream", "callback_url"]

    /// Parses and type-checks the invoke body; every failure names the field (→ 400).
    init(_ object: JSONObject) throws {
        for key in object.keys where !Self.knownFields.contains(key) {
            throw PlatformError.invalid("unknown field '\(key)'; expected body, query, headers, path_params, files")
        }
        body = object["body"].flatMap { $0.isNull ? Optional<JSONValue>.none : $0 }
        query = try Self.scalars(object["query"], field: "query")
        headers = try Self.scalars(object["headers"], field: "headers", stringsOnly: true)
        pathParameters = Dictionary(try Self.scalars(object["path_params"], field: "path_params")) { $1 }
        stream = try object["stream"].map { value in
            guard let flag = value.boolValue else { throw PlatformError.invalid("stream must be true or false") }
            return flag
        } ?? false
        callbackURL = try object.optionalString("callback_url")
        if let callbackURL, !(callbackURL.hasPrefix("http://") || callbackURL.hasPrefix("https://")) {
            throw PlatformError.invalid("callback_url must be an http or https URL")
        }
        files = try Self.files(object["files"])
    }

    /// An object of strings, numbers or booleans, as ordered name/value text pairs.
    private static func scalars(_ value: JSONValue?, field: String, stringsOnly: Bool = false) throws -> [(String, String)] {
        guard let value, !value.isNull else { return [] }
        guard let object = value.objectValue else { throw PlatformError.invalid("\(field) must be an object") }
        return try object.map { name, item in
            switch item {
            case .string(let text): return (name, text)
            case .number(let number) where !stringsOnly: return (name, number.description)
            case .bool(let flag) where !stringsOnly: return (name, flag ? "true" : "false")
            default:
                throw PlatformError.invalid("\(field).\(name) must be a \(stringsOnly ? "string" : "string, number or boolean")")
            }
        }
    }

    private static func files(_ value: JSONValue?) throws -> [File] {
        guard let value, !value.isNull else { return [] }
        guard let object = value.objectValue else { throw PlatformError.invalid("files must be an object") }
        return try object.map { field, item in
            guard let spec = item.objectValue else {
                throw PlatformError.invalid("files.\(field) must be an object with content_base64, filename, content_type")
            }
            guard let encoded = spec["content_base64"]?.stringValue, let data = Data(base64Encoded: encoded) else {
                throw PlatformError.invalid("files.\(field).content_base64 must be base64")
            }
            return File(field: field, filename: try spec.optionalString("filename") ?? field,
                        contentType: try spec.optionalString("content_type") ?? "application/octet-stream",
                        bytes: Array(data))
        }
    }
}
