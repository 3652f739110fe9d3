/// A response a handler returns: status, header fields and a body (bytes or a stream).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: HTTPBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is the given bytes with a content type.
    public init(status: HTTPStatus = .ok, contentType: String, bytes: [UInt8], headers: HTTPHeaders = [:]) {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: contentType)
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }

    /// A UTF-8 JSON response from already-serialized text.
    public static func json(_ text: String, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", bytes: Array(text.utf8), headers: headers)
    }

    /// A UTF-8 plain-text response.
    public static func text(_ text: String, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", bytes: Array(text.utf8), headers: headers)
    }

    /// A streamed response; without a Content-Length it is sent chunked (RFC 9112 §7.1).
    public static func stream(
        _ stream: HTTPBodyStream, status: HTTPStatus = .ok, contentType: String, headers: HTTPHeaders = [:]
    ) -> HTTPResponse {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: contentType)
        return HTTPResponse(status: status, headers: headers, body: .stream(stream))
    }
}
