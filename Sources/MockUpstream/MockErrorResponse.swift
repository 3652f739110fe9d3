import HTTPCore
import JSONSchema

/// The mock's own error responses (never a provider's): `{"error": {"type": "mock_…", "message": …, …}}`.
enum MockErrorResponse {
    /// 404 when no recording matches: names the closest recording and what differed (README, "No match").
    static func noMatch(
        provider: Provider?, method: HTTPMethod, path: String, closest: Recording?, differences: [String]
    ) -> HTTPResponse {
        let prefixes = Provider.all.map(\.pathPrefix).joined(separator: ", ")
        var error = JSONObject([
            ("type", "mock_no_match"),
            ("message", .string(provider.map { "No recording of \($0.rawValue) matches \(method) \(path)" }
                ?? "No provider prefix in \(path); use one of \(prefixes)")),
            ("provider", provider.map { .string($0.rawValue) } ?? .null),
            ("method", .string(method.rawValue)),
            ("path", .string(path)),
        ])
        if let closest {
            error["closest"] = .object(JSONObject([
                ("recording", .string(closest.id)),
                ("file", .string(closest.file)),
                ("method", .string(closest.matcher.method?.rawValue ?? "*")),
                ("path", .string(closest.matcher.path.description)),
                ("differences", .array(differences.map(JSONValue.string))),
            ]))
        } else {
            error["closest"] = .null
        }
        return json(.object(JSONObject([("error", .object(error))])), status: .notFound,
                    headers: ["X-Mock-No-Match": "true"])
    }

    /// 400 for a bad `X-Mock-Fault` header or a bad admin request.
    static func badRequest(_ message: String, type: String = "mock_bad_request") -> HTTPResponse {
        json(["error": .object(JSONObject([("type", .string(type)), ("message", .string(message))]))],
             status: .badRequest)
    }

    /// A JSON response from a value.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", bytes: value.serializedBytes(), headers: headers)
    }
}
