import JSONSchema

/// A response body with `{{…}}` placeholders, split once at load time into literal bytes and placeholders.
///
/// Expressions: `path.NAME`, `query.NAME`, `header.NAME`, `json./pointer`, `form.NAME`, `field.NAME`, each
/// optionally followed by `|default`. In a JSON body a placeholder inside a string is JSON-escaped; a string
/// that is exactly `"{{raw:EXPR}}"` is replaced, quotes included, by the value as JSON (a number stays a number).
struct BodyTemplate: Sendable {
    enum Part: Sendable {
        case literal([UInt8])
        case value(Expression, mode: Mode)
    }

    enum Mode: Sendable {
        /// Inserted as it is (text bodies).
        case plain
        /// Escaped for the inside of a JSON string.
        case jsonString
        /// Inserted as a JSON value, replacing a whole string literal.
        case rawJSON
    }

    let parts: [Part]

    /// Whether the text has any placeholder at all.
    static func hasPlaceholders(_ bytes: [UInt8]) -> Bool {
        bytes.indices.dropLast().contains { bytes[$0] == 0x7B && bytes[$0 + 1] == 0x7B }
    }

    /// Splits serialized bytes; `json` selects JSON escaping and the `raw:` form.
    init(_ bytes: [UInt8], json: Bool) throws(TemplateError) {
        var parts: [Part] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard index + 1 < bytes.count, bytes[index] == 0x7B, bytes[index + 1] == 0x7B else {
                literal.append(bytes[index])
                index += 1
                continue
            }
            guard let close = Self.findClose(bytes, from: index + 2) else {
                throw TemplateError(message: "unclosed '{{' in the response body")
            }
            var text = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            var mode: Mode = json ? .jsonString : .plain
            var end = close + 2
            if json, text.hasPrefix("raw:") {
                guard literal.last == UInt8(ascii: "\""), end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
                    throw TemplateError(message: "'{{\(text)}}' must be a whole JSON string")
                }
                literal.removeLast()
                end += 1
                text = String(text.dropFirst(4))
                mode = .rawJSON
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = []
            parts.append(.value(try Expression(text), mode: mode))
            index = end
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    private static func findClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0x7D && bytes[index + 1] == 0x7D { return index }
            index += 1
        }
        return nil
    }

    /// The body for one request.
    func render(_ request: MockRequest, parameters: [String: String]) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            switch part {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case .value(let expression, let mode):
                let value = expression.evaluate(request, parameters: parameters)
                switch mode {
                case .plain: out.append(contentsOf: Array(Expression.text(of: value).utf8))
                case .jsonString: Self.appendEscaped(Expression.text(of: value), to: &out)
                case .rawJSON: out.append(contentsOf: Array(Expression.json(of: value).utf8))
                }
            }
        }
        return out
    }

    /// Appends text escaped for the inside of a JSON string (RFC 8259 §7).
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let quoted = JSONValue.string(text).serialized().utf8
        out.append(contentsOf: quoted.dropFirst().dropLast())
    }
}
