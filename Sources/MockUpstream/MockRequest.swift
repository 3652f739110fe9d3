import HTTPCore
import JSONSchema

/// A request addressed to one provider, parsed once for matching, templating and the journal.
struct MockRequest: Sendable {
    let provider: Provider
    let method: HTTPMethod
    /// The path after the provider prefix, still percent-encoded (`/v1/chat/completions`).
    let path: String
    /// The path's segments, percent-decoded.
    let segments: [String]
    let rawQuery: String?
    let query: [(name: String, value: String)]
    let headers: HTTPHeaders
    let body: [UInt8]
    /// The body as JSON, when it parses as JSON.
    let json: JSONValue?
    /// The body's fields, when it is `application/x-www-form-urlencoded`.
    let form: [(name: String, value: String)]?

    init(provider: Provider, request: HTTPRequest) {
        self.provider = provider
        method = request.method
        path = Self.path(of: request.head.target, provider: provider)
        segments = PathTemplate.decodedSegments(path)
        rawQuery = request.head.query
        query = rawQuery.map { FormURLEncoding.decode($0) } ?? []
        headers = request.headers
        body = request.bodyBytes
        (json, form) = MockRequest.parseBody(body, contentType: request.headers["Content-Type"])
    }

    /// The path of a target after the provider's prefix, still percent-encoded, without query or fragment.
    static func path(of target: String, provider: Provider) -> String {
        let pathEnd = target.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? target.endIndex
        let pathStart = target.utf8.index(target.startIndex, offsetBy: provider.rawValue.utf8.count + 1)
        return String(decoding: target.utf8[pathStart..<pathEnd], as: UTF8.self)
    }

    /// JSON when the body parses as JSON (even when curl labelled it a form); form fields when the content type
    /// says so.
    static func parseBody(_ body: [UInt8], contentType: String?) -> (JSONValue?, [(name: String, value: String)]?) {
        guard !body.isEmpty else { return (nil, nil) }
        let type = contentType?.lowercased() ?? ""
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let looksJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        if looksJSON || type.contains("json"), let json = try? JSONValue(parsing: body) {
            return (json, nil)
        }
        if type.contains("application/x-www-form-urlencoded") {
            return (nil, FormURLEncoding.decode(String(decoding: body, as: UTF8.self)))
        }
        return (nil, nil)
    }

    /// The first value of a query parameter.
    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The first value of a form field.
    func formValue(_ name: String) -> String? { form?.first { $0.name == name }?.value }

    /// A form field, or else a top-level member of a JSON object body.
    func field(_ name: String) -> JSONValue? {
        if let value = formValue(name) { return .string(value) }
        return json?.objectValue?[name]
    }

    /// The body as UTF-8 text.
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
