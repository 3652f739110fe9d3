import Foundation
import JSONSchema

/// Fills in `{{…}}` placeholders: `{{name}}` (a profile variable, `baseURL`, `mockBaseURL`, `webhookURL`),
/// `{{steps.<id>.status}}`, `{{steps.<id>.body}}`, `{{steps.<id>.body.<a.b.0>}}`,
/// `{{steps.<id>.headers.<name>}}`, and the generators `{{$uuid}}` and `{{$random}}`.
public enum Placeholders {
    /// The text with every placeholder replaced by its value (JSON other than strings is serialized).
    /// `\{{` stands for a literal `{{` (Handlebars' escape; written `"\\{{"` inside a JSON string).
    public static func render(_ text: String, in context: TemplateContext) throws(PlaceholderError) -> String {
        guard text.contains("{{") else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex, rest[rest.index(before: open.lowerBound)] == "\\" {
                output += rest[..<rest.index(before: open.lowerBound)] + "{{"
                rest = rest[open.upperBound...]
                continue
            }
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw PlaceholderError(
                    placeholder: String(rest[open.lowerBound...].prefix(40)), reason: "no closing }}")
            }
            let expression = String(rest[open.upperBound..<close.lowerBound])
            output += Placeholders.text(of: try resolve(expression, in: context))
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// The JSON with placeholders filled in inside every string; a string that is exactly one placeholder
    /// becomes the captured value itself, keeping its JSON type.
    public static func render(_ value: JSONValue, in context: TemplateContext) throws(PlaceholderError) -> JSONValue {
        switch value {
        case .string(let text):
            if let expression = soleExpression(text) { return try resolve(expression, in: context) }
            return .string(try render(text, in: context))
        case .array(let elements):
            var rendered: [JSONValue] = []
            for element in elements { rendered.append(try render(element, in: context)) }
            return .array(rendered)
        case .object(let members):
            var rendered = JSONObject()
            for (key, member) in members { rendered[key] = try render(member, in: context) }
            return .object(rendered)
        case .null, .bool, .number:
            return value
        }
    }

    /// The value of one placeholder's expression (the text between the braces).
    public static func resolve(_ expression: String, in context: TemplateContext) throws(PlaceholderError) -> JSONValue
    {
        let name = expression.trimmingCharacters(in: .whitespaces)
        let placeholder = "{{\(name)}}"
        switch name {
        case "$uuid": return .string(UUID().uuidString.lowercased())
        case "$random": return .string(randomHex(count: 16))
        default: break
        }
        if name.hasPrefix("steps.") { return try StepPath.resolve(name, placeholder: placeholder, in: context) }
        if let value = context.variables[name] { return .string(value) }
        if name == "mockBaseURL" {
            throw PlaceholderError(placeholder: placeholder, reason: "the profile has no mockBaseURL")
        }
        throw PlaceholderError(placeholder: placeholder, reason: "the profile has no variable '\(name)'")
    }

    /// The expression when `text` is exactly one placeholder.
    static func soleExpression(_ text: String) -> String? {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 else { return nil }
        let inner = text.dropFirst(2).dropLast(2)
        return inner.contains("{{") || inner.contains("}}") ? nil : String(inner)
    }

    /// A value as placeholder text: strings as they are, anything else as compact JSON.
    static func text(of value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return value.serialized()
    }

    private static func randomHex(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(generator.next() % 16)] })
    }
}
