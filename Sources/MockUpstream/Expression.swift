import JSONSchema

/// One `{{…}}` expression of a body template: where in the request a value comes from, and its default.
struct Expression: Sendable {
    enum Source: Sendable {
        case path(String)
        case query(String)
        case header(String)
        case json(JSONPointer)
        case form(String)
        case field(String)
    }

    let source: Source
    let fallback: String?

    /// Parses `namespace.name|default`.
    init(_ text: String) throws(TemplateError) {
        var body = Substring(text)
        if let bar = body.firstIndex(of: "|") {
            fallback = String(body[body.index(after: bar)...])
            body = body[..<bar]
        } else {
            fallback = nil
        }
        let trimmed = body.trimmingASCIISpaces()
        guard let dot = trimmed.firstIndex(of: "."), dot != trimmed.startIndex else {
            throw TemplateError(message: "'{{\(text)}}' is not namespace.name")
        }
        let name = String(trimmed[trimmed.index(after: dot)...])
        switch trimmed[..<dot] {
        case "path": source = .path(name)
        case "query": source = .query(name)
        case "header": source = .header(name)
        case "form": source = .form(name)
        case "field": source = .field(name)
        case "json":
            guard let pointer = JSONPointer(name) else {
                throw TemplateError(message: "'\(name)' is not a JSON Pointer")
            }
            source = .json(pointer)
        default:
            throw TemplateError(
                message: "'{{\(text)}}' has an unknown namespace (path, query, header, json, form, field)")
        }
    }

    /// The value in the request, or the default as text, or nil.
    func evaluate(_ request: MockRequest, parameters: [String: String]) -> JSONValue? {
        let found: JSONValue?
        switch source {
        case .path(let name): found = parameters[name].map(JSONValue.string)
        case .query(let name): found = request.queryValue(name).map(JSONValue.string)
        case .header(let name): found = request.headers[name].map(JSONValue.string)
        case .json(let pointer): found = request.json?.at(pointer)
        case .form(let name): found = request.formValue(name).map(JSONValue.string)
        case .field(let name): found = request.field(name)
        }
        if let found { return found }
        return fallback.map { (try? JSONValue(parsing: $0)) ?? .string($0) }
    }

    /// A value as plain text (strings unquoted).
    static func text(of value: JSONValue?) -> String {
        guard let value else { return "" }
        return ValueMatcher.text(of: value)
    }

    /// A value as JSON; text that reads as a JSON number or boolean becomes one.
    static func json(of value: JSONValue?) -> String {
        guard let value else { return "null" }
        if case .string(let text) = value, let parsed = try? JSONValue(parsing: text) {
            switch parsed {
            case .number, .bool, .null: return parsed.serialized()
            default: break
            }
        }
        return value.serialized()
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    func trimmingASCIISpaces() -> Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
