import HTTPCore
import JSONSchema

/// How a surface writes its errors; each seed documents its own shape.
public struct ErrorShape: Sendable {
    let render: @Sendable (HTTPStatus, String) -> JSONValue

    /// The response for a status and message.
    public func response(_ status: HTTPStatus, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        .json(render(status, message).serialized(), status: status, headers: headers)
    }

    /// `{"error": "…"}` (seeds 000, 002, 004, and the admin API).
    public static let plain = ErrorShape { _, message in ["error": .string(message)] }

    /// Seed 001, after its reference implementation's execute errors: `{"success": false, "error": "…",
    /// "errorCategory": …, "retryable": …}` with the peer's categories.
    public static let integrations = ErrorShape { status, message in
        let category: String
        switch status.code {
        case 400, 409, 413, 415, 422: category = "validation"
        case 401, 403: category = "auth"
        case 404, 405: category = "not_found"
        case 429: category = "rate_limit"
        case 502, 503: category = "provider"
        case 504: category = "timeout"
        default: category = "internal"
        }
        return ["success": false, "error": .string(message), "errorCategory": .string(category),
                "retryable": .bool([429, 502, 503, 504].contains(status.code))]
    }

    /// `{"data": null, "error": {"message": "…"}}` (seed 003).
    public static let dataEnvelope = ErrorShape { _, message in ["data": nil, "error": ["message": .string(message)]] }
}

/// An error a handler throws to answer with a status in its surface's shape.
public struct SurfaceError: Error, Sendable {
    public let status: HTTPStatus
    public let message: String
    /// A full body replacing the shape (seed 004's `{"errors": [...]}` validation errors, say).
    public let body: JSONValue?

    public init(_ status: HTTPStatus, _ message: String, body: JSONValue? = nil) {
        self.status = status
        self.message = message
        self.body = body
    }
}
