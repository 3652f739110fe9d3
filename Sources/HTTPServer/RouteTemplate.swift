/// A path template such as `/api/orgs/{org}/services/{service}/`, split into segments.
struct RouteTemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    /// Parses a template; a trailing slash is not significant (both forms match).
    init(_ template: String) {
        segments = RouteTemplate.split(template).map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            return .literal(part)
        }
    }

    /// The raw paths this template matches when it has no parameters (with and without a trailing slash).
    var exactPaths: [String] {
        var literals: [String] = []
        for segment in segments {
            guard case .literal(let text) = segment else { return [] }
            literals.append(text)
        }
        let path = "/" + literals.joined(separator: "/")
        return literals.isEmpty ? [path] : [path, path + "/"]
    }

    /// Path segments without the leading slash and without one trailing empty segment.
    static func split(_ path: String) -> [String] {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
