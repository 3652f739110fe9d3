/// Keeps credentials out of reports: profile values whose names say they are secret (key, token, jwt, secret,
/// password) are replaced by `‹name›`, and credential header fields never show their value.
struct Redactor: Sendable {
    private let secrets: [(value: String, name: String)]
    private static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie",
    ]
    private static let secretWords = ["key", "token", "jwt", "secret", "password"]

    /// A redactor for the given profile variables.
    init(variables: [String: String]) {
        secrets =
            variables
            .filter { name, value in value.count >= 8 && Self.secretWords.contains { name.lowercased().contains($0) } }
            .map { (value: $0.value, name: $0.key) }
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.name < $1.name }
    }

    /// The text with every secret value replaced by its variable's name.
    func text(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret.value) {
            result = result.replacingAll(secret.value, with: "‹\(secret.name)›")
        }
        return result
    }

    /// A header value as reports show it: credential fields keep only a scheme word or a variable name.
    func header(name: String, value: String) -> String {
        let redacted = text(value)
        guard Self.sensitiveHeaders.contains(name.lowercased()), redacted == value else { return redacted }
        if name.lowercased().hasSuffix("authorization"), let space = value.firstIndex(of: " ") {
            return value[..<space] + " ‹redacted›"
        }
        return "‹redacted›"
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let found = rest.firstRange(of: target) {
            output += rest[..<found.lowerBound] + replacement
            rest = rest[found.upperBound...]
        }
        return output + rest
    }
}
