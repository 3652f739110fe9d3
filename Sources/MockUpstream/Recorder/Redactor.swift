import JSONSchema

/// Decides what counts as a secret in a recorded exchange and what replaces it: auth and provider key headers,
/// cookies, key-like query parameters, body fields and path segments (DESIGN.md, "Record mode").
struct Redactor: Sendable {
    /// The text a redacted value is replaced with in recorded responses.
    static let placeholder = "<redacted>"

    /// Header names whose values are secrets (compared case-insensitively).
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "xi-api-key", "x-api-key", "api-key", "cookie", "set-cookie",
        "openai-organization", "openai-project", "stripe-account",
    ]

    /// Query and body field names whose values are secrets (compared case-insensitively).
    static let secretFields: Set<String> = [
        "key", "api_key", "apikey", "api-key", "token", "access_token", "refresh_token", "id_token", "secret",
        "client_secret", "password", "passwd", "signature", "private_key", "authorization", "auth", "xi_api_key",
    ]

    /// Whether a header's value must not be written.
    static func isSecretHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretHeaders.contains(lower) || lower.contains("token") || lower.contains("secret")
            || lower.hasSuffix("-key") || lower.hasSuffix("_key")
    }

    /// Whether a query or body field's value must not be written.
    static func isSecretField(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretFields.contains(lower) || lower.hasSuffix("_token") || lower.hasSuffix("_secret")
            || lower.hasSuffix("api_key") || lower.hasSuffix("apikey")
    }

    /// Whether a path segment looks like a credential (a long token of letters and digits, as in Discord's
    /// `/webhooks/{id}/{token}`).
    static func isSecretSegment(_ segment: String) -> Bool {
        guard segment.count >= 32 else { return false }
        let allowed = segment.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        let letters = segment.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        let digits = segment.unicodeScalars.contains { ("0"..."9").contains($0) }
        return allowed && letters && digits
    }

    /// A regex for the shape of a secret header value: its scheme and key prefix, never the key itself
    /// (`Bearer sk-proj-…` → `^Bearer sk-proj-\S+$`), so any key of the same kind matches on replay.
    static func shapePattern(of value: String) -> String {
        var pattern = "^"
        var rest = Substring(value)
        if let space = rest.firstIndex(of: " "),
           rest[..<space].allSatisfy({ $0.isLetter }), rest[..<space].count <= 10 {
            pattern += NSRegularExpressionEscape.escape(String(rest[...space]))
            rest = rest[rest.index(after: space)...]
        }
        var prefix = ""
        var scan = rest[...]
        for _ in 0..<2 {
            guard let separator = scan.firstIndex(where: { $0 == "-" || $0 == "_" }),
                  separator > scan.startIndex, scan[..<separator].count <= 6,
                  scan[..<separator].allSatisfy({ $0.isLetter }) else { break }
            prefix += String(scan[...separator])
            scan = scan[scan.index(after: separator)...]
        }
        return pattern + NSRegularExpressionEscape.escape(prefix) + "\\S+$"
    }

    /// A JSON value with every secret member replaced by the placeholder; the pointers of what was replaced.
    static func redact(_ value: JSONValue, at pointer: JSONPointer = .root, found: inout [JSONPointer]) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in zip(object.keys, object.values) {
                let inner = pointer.appending(key)
                if isSecretField(key), case .string = member {
                    found.append(inner)
                    result[key] = .string(placeholder)
                } else {
                    result[key] = redact(member, at: inner, found: &found)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.enumerated().map { redact($1, at: pointer.appending(index: $0), found: &found) })
        default:
            return value
        }
    }
}

/// Escapes regex metacharacters (ICU syntax).
enum NSRegularExpressionEscape {
    /// The text as a literal pattern.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
