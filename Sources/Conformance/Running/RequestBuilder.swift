import HTTPClient
import HTTPCore
import JSONSchema

/// A request with every placeholder filled in, ready to send.
struct BuiltRequest: Sendable {
    var method: String
    var url: String
    var headers: HTTPHeaders
    var body: HTTPClientRequestBody
    /// The body as text, for reports.
    var bodyText: String?
}

/// Fills in a request template: method and path (from the endpoint for contract cases), query, header fields
/// (defaults first, a null removes one) and body.
struct RequestBuilder {
    let baseURL: String
    var defaultHeaders: [HeaderTemplate] = []
    var defaultQuery: [FormField] = []

    /// The request; `endpoint` supplies the method and path template a contract case leaves out.
    func build(
        _ template: RequestTemplate, endpoint: (method: String, path: String)? = nil,
        context: TemplateContext
    ) throws(PlaceholderError) -> BuiltRequest {
        let method = template.method ?? endpoint?.method ?? "GET"
        var target: String
        if let path = template.path {
            target = try Placeholders.render(path, in: context)
        } else if let endpoint {
            target = try PathTemplate.fill(endpoint.path) { (name) throws(PlaceholderError) -> String in
                if let value = template.pathParameters[name] { return try Placeholders.render(value, in: context) }
                if let value = context.variables[name] { return value }
                throw PlaceholderError(
                    placeholder: "{\(name)}", reason: "no pathParams value and no profile variable '\(name)'")
            }
        } else {
            target = "/"
        }
        var url = target.hasPrefix("http://") || target.hasPrefix("https://") ? target : trimmedBase + target
        let query = try (defaultQuery + template.query).map { (field) throws(PlaceholderError) -> String in
            PercentEncoding.queryComponent(field.name) + "="
                + PercentEncoding.queryComponent(try Placeholders.render(field.value, in: context))
        }
        if !query.isEmpty { url += (url.contains("?") ? "&" : "?") + query.joined(separator: "&") }
        var headers = HTTPHeaders()
        for field in defaultHeaders + template.headers {
            headers.remove(name: field.name)
            if let value = field.value {
                headers.add(name: field.name, value: try Placeholders.render(value, in: context))
            }
        }
        if let contentType = template.contentType, !headers.contains("Content-Type") {
            headers.add(name: "Content-Type", value: try Placeholders.render(contentType, in: context))
        }
        var request = BuiltRequest(method: method, url: url, headers: headers, body: .none, bodyText: nil)
        switch template.body {
        case .none:
            break
        case .json(let value):
            let text = try Placeholders.render(value, in: context).serialized()
            request.body = .json(text)
            request.bodyText = text
        case .raw(let raw):
            let text = try Placeholders.render(raw, in: context)
            request.body = .bytes(Array(text.utf8))
            request.bodyText = text
        case .form(let fields):
            let pairs = try fields.map { (field) throws(PlaceholderError) -> (String, String) in
                (field.name, try Placeholders.render(field.value, in: context))
            }
            request.body = .form(pairs)
            request.bodyText = pairs.map {
                PercentEncoding.queryComponent($0.0) + "=" + PercentEncoding.queryComponent($0.1)
            }
            .joined(separator: "&")
        }
        return request
    }

    private var trimmedBase: String { baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL }
}
