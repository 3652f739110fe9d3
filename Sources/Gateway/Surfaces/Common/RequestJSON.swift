import HTTPCore
import JSONSchema

extension HTTPRequest {
    /// The body as a JSON object, or a 400 saying what is wrong with it.
    public func jsonObject() throws -> JSONObject {
        let bytes = bodyBytes
        guard !bytes.isEmpty else { throw PlatformError.invalid("request body must be a JSON object") }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw PlatformError.invalid("request body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else { throw PlatformError.invalid("request body must be a JSON object") }
        return object
    }

    /// A path parameter the route template guarantees.
    public func parameter(_ name: String) -> String { pathParameters[name] ?? "" }
}

extension JSONObject {
    /// A required non-empty string field, or 400 naming it.
    public func requiredString(_ field: String) throws -> String {
        guard let value = self[field]?.stringValue, !value.isEmpty else {
            throw PlatformError.invalid("\(field) is required and must be a non-empty string")
        }
        return value
    }

    /// An optional string field; 400 if present with another type.
    public func optionalString(_ field: String) throws -> String? {
        guard let value = self[field], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw PlatformError.invalid("\(field) must be a string") }
        return text
    }
}

extension HTTPResponse {
    /// A JSON response from a value.
    public static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        .json(value.serialized(), status: status)
    }
}
