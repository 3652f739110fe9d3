import HTTPCore

/// A path template from a recording: literal segments, `{name}` for one segment, `{name...}` for one or more
/// (Hugging Face model ids such as `sentence-transformers/all-MiniLM-L6-v2` span two).
struct PathTemplate: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    let segments: [Segment]
    let description: String
    /// The decoded literal segments when the template has no parameters (compared without building captures).
    let literals: [String]?

    /// Parses a template such as `/v1/text-to-speech/{voice_id}/stream`; a trailing slash is ignored.
    init(_ template: String) throws(TemplateError) {
        description = template
        segments = try PathTemplate.split(template).map { raw throws(TemplateError) -> Segment in
            guard raw.hasPrefix("{") || raw.hasSuffix("}") else {
                return .literal(FormURLEncoding.percentDecode(raw))
            }
            guard raw.hasPrefix("{"), raw.hasSuffix("}"), raw.count > 2 else {
                throw TemplateError(message: "segment '\(raw)' is not a {parameter}")
            }
            let inner = String(raw.dropFirst().dropLast())
            if inner.hasSuffix("...") {
                let name = String(inner.dropLast(3))
                guard !name.isEmpty else { throw TemplateError(message: "segment '\(raw)' has no name") }
                return .rest(name)
            }
            return .parameter(inner)
        }
        let texts = segments.compactMap { if case .literal(let text) = $0 { text } else { nil } }
        literals = texts.count == segments.count ? texts : nil
    }

    /// Literal segments: more of them makes a template more specific.
    var literalCount: Int { segments.filter { if case .literal = $0 { true } else { false } }.count }

    /// Whether the decoded segments match, without capturing anything.
    func matches(_ path: [String]) -> Bool {
        if let literals { return literals == path }
        return Self.matches(segments[...], path[...])
    }

    private static func matches(_ template: ArraySlice<Segment>, _ path: ArraySlice<String>) -> Bool {
        guard let first = template.first else { return path.isEmpty }
        switch first {
        case .literal(let text):
            return path.first == text && matches(template.dropFirst(), path.dropFirst())
        case .parameter:
            guard let value = path.first, !value.isEmpty else { return false }
            return matches(template.dropFirst(), path.dropFirst())
        case .rest:
            let remaining = template.dropFirst()
            var take = path.count - remaining.count
            while take >= 1 {
                if matches(remaining, path.dropFirst(take)) { return true }
                take -= 1
            }
            return false
        }
    }

    /// The captured parameters when the decoded segments match, else nil.
    func match(_ path: [String]) -> [String: String]? {
        if let literals { return literals == path ? [:] : nil }
        var captured: [String: String] = [:]
        return Self.match(segments[...], path[...], &captured) ? captured : nil
    }

    private static func match(
        _ template: ArraySlice<Segment>, _ path: ArraySlice<String>, _ captured: inout [String: String]
    ) -> Bool {
        guard let first = template.first else { return path.isEmpty }
        switch first {
        case .literal(let text):
            guard path.first == text else { return false }
            return match(template.dropFirst(), path.dropFirst(), &captured)
        case .parameter(let name):
            guard let value = path.first, !value.isEmpty else { return false }
            captured[name] = value
            return match(template.dropFirst(), path.dropFirst(), &captured)
        case .rest(let name):
            let remainingTemplate = template.dropFirst()
            var take = path.count - remainingTemplate.count
            while take >= 1 {
                let head = path.prefix(take)
                if match(remainingTemplate, path.dropFirst(take), &captured) {
                    captured[name] = head.joined(separator: "/")
                    return true
                }
                take -= 1
            }
            return false
        }
    }

    /// How many segments differ from the template, position by position (0 when it matches).
    func distance(_ path: [String]) -> Int {
        var differing = 0
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .rest: return differing
            case .parameter: if index >= path.count { differing += 1 }
            case .literal(let text): if index >= path.count || path[index] != text { differing += 1 }
            }
        }
        return differing + max(0, path.count - segments.count)
    }

    /// Splits a path into its raw segments, ignoring the leading and a trailing slash.
    static func split(_ path: String) -> [String] {
        var parts: [String] = []
        let bytes = path.utf8
        var start = bytes.startIndex
        if start < bytes.endIndex, bytes[start] == UInt8(ascii: "/") { start = bytes.index(after: start) }
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                parts.append(String(Substring(bytes[start..<index])))
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start < bytes.endIndex { parts.append(String(Substring(bytes[start..<bytes.endIndex]))) }
        return parts
    }

    /// Splits and percent-decodes a request path.
    static func decodedSegments(_ path: String) -> [String] {
        split(path).map { FormURLEncoding.percentDecode($0) }
    }
}

/// A path template that cannot be compiled.
struct TemplateError: Error, Sendable {
    let message: String
}
