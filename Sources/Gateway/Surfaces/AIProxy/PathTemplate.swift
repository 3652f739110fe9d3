import HTTPCore

/// Fills `{name}` placeholders of an upstream path template with percent-escaped values (RFC 6570 simple
/// expansion: everything outside unreserved is escaped, so a value cannot add path segments).
enum PathTemplate {
    /// The names of the placeholders, in order.
    static func names(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The template with every placeholder filled, or a 400 naming the first missing parameter.
    static func fill(_ template: String, with values: [String: String], endpoint: String) throws -> String {
        var result = template
        for name in names(in: template) {
            guard let value = values[name], !value.isEmpty else {
                throw PlatformError.invalid("Missing path parameter '\(name)' for endpoint '\(endpoint)' (path_params.\(name))")
            }
            result = result.replacingOccurrences(of: "{\(name)}", with: FormURLEncoding.escape(value))
        }
        return result
    }
}
