import HTTPCore
import JSONSchema

/// One exchange captured by the recording proxy: the request as received and the response as it streamed.
struct RecordedExchange: Sendable {
    let method: HTTPMethod
    /// The path at the provider (without a `/<provider>` prefix), still percent-encoded.
    let path: String
    let query: String?
    let requestHeaders: HTTPHeaders
    let requestBody: [UInt8]
    let status: Int
    let responseHeaders: HTTPHeaders
    /// Each read from upstream with the time since the previous one (the first: since the head).
    let chunks: [(delay: Duration, bytes: [UInt8])]
    /// Whether upstream framed the body by length (false: chunked or until close).
    let lengthFramed: Bool

    /// The request body as JSON or form fields (see `MockRequest.parseBody`).
    var parsedRequestBody: (JSONValue?, [(name: String, value: String)]?) {
        MockRequest.parseBody(requestBody, contentType: requestHeaders["Content-Type"])
    }

    /// The whole response body.
    var responseBody: [UInt8] { chunks.flatMap(\.bytes) }

    /// Whether the body is a stream worth replaying chunk by chunk.
    var isStream: Bool {
        let type = responseHeaders["Content-Type"]?.lowercased() ?? ""
        return type.hasPrefix("text/event-stream") || (!lengthFramed && chunks.count > 1)
    }
}
