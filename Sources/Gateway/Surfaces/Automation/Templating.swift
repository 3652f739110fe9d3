import JSONSchema

/// `{{input.name}}` and `{{steps.<step>.output.body.id}}` in step configs. A string that is exactly one
/// placeholder takes the referenced value with its type; placeholders inside longer strings become text.
enum Templating {
    static func render(_ value: JSONValue, context: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return renderString(text, context: context)
        case .array(let items): return .array(items.map { render($0, context: context) })
        case .object(let object): return .object(JSONObject(object.map { ($0.key, render($0.value, context: context)) }))
        default: return value
        }
    }

    private static func renderString(_ text: String, context: JSONValue) -> JSONValue {
        guard text.contains("{{") else { return .string(text) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.components(separatedBy: "{{").count == 2 {
            return lookup(String(trimmed.dropFirst(2).dropLast(2)), in: context) ?? .null
        }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let value = lookup(String(rest[open.upperBound..<close.lowerBound]), in: context)
            result += value.map { $0.stringValue ?? $0.serialized() } ?? ""
            rest = rest[close.upperBound...]
        }
        return .string(result + rest)
    }

    /// A dotted path (`steps.fetch.output.body.items.0.id`) into the context.
    static func lookup(_ path: String, in context: JSONValue) -> JSONValue? {
        var current: JSONValue? = context
        for part in path.trimmingCharacters(in: .whitespaces).split(separator: ".") {
            if let index = Int(part), let item = current?[index] { current = item } else { current = current?[String(part)] }
        }
        return current
    }
}

import Foundation
