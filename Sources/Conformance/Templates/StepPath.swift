import JSONSchema

/// `steps.<id>.status`, `steps.<id>.body[.<a.b.0>]` and `steps.<id>.headers.<name>`.
enum StepPath {
    /// The captured value, or an error naming what is missing.
    static func resolve(
        _ name: String, placeholder: String, in context: TemplateContext
    ) throws(PlaceholderError) -> JSONValue {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else {
            throw PlaceholderError(
                placeholder: placeholder, reason: "write steps.<id>.status, .body… or .headers.<name>")
        }
        guard let record = context.steps[parts[1]] else {
            let known = context.steps.keys.sorted().joined(separator: ", ")
            throw PlaceholderError(
                placeholder: placeholder,
                reason: "no earlier step '\(parts[1])'" + (known.isEmpty ? "" : " (earlier: \(known))"))
        }
        switch parts[2] {
        case "status":
            guard parts.count == 3 else { break }
            return .number(record.status)
        case "headers":
            guard parts.count >= 4 else { break }
            let field = parts[3...].joined(separator: ".")
            guard let value = record.headers[field] else {
                throw PlaceholderError(
                    placeholder: placeholder, reason: "step '\(parts[1])' got no \(field) header field")
            }
            return .string(value)
        case "body":
            guard let body = record.body else {
                if parts.count == 3 { return .string(record.text) }
                throw PlaceholderError(
                    placeholder: placeholder, reason: "step '\(parts[1])' got a body that is not JSON")
            }
            return try descend(body, through: Array(parts[3...]), placeholder: placeholder)
        default:
            break
        }
        throw PlaceholderError(placeholder: placeholder, reason: "write steps.<id>.status, .body… or .headers.<name>")
    }

    /// Follows object keys and array indexes.
    private static func descend(
        _ value: JSONValue, through keys: [String], placeholder: String
    ) throws(PlaceholderError) -> JSONValue {
        var current = value
        var walked = ""
        for key in keys {
            walked += "/" + JSONPointer.escape(key)
            switch current {
            case .object(let members):
                guard let next = members[key] else {
                    throw PlaceholderError(placeholder: placeholder, reason: "the body has nothing at \(walked)")
                }
                current = next
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else {
                    throw PlaceholderError(placeholder: placeholder, reason: "the body has no element at \(walked)")
                }
                current = elements[index]
            default:
                throw PlaceholderError(
                    placeholder: placeholder, reason: "the body has a \(current.typeName) above \(walked)")
            }
        }
        return current
    }
}
