/// URIs and URI references (RFC 3986 §3, §4.1), and IRIs and IRI references (RFC 3987 §2.2).
struct URIFormat {
    private let scalars: [Unicode.Scalar]
    private let international: Bool

    init(_ text: String, international: Bool) {
        scalars = Array(text.unicodeScalars)
        self.international = international
    }

    /// Whether the text is an absolute URI (or IRI) with optional fragment, or with `allowRelative`, any
    /// reference (RFC 3986 §4.1 `URI-reference`).
    func isURI(allowRelative: Bool) -> Bool {
        var end = scalars.count
        if let hash = scalars.firstIndex(of: "#") {
            guard isRun(hash + 1, scalars.count, extra: "/?", isQuery: false) else { return false }
            end = hash
        }
        if let question = scalars[..<end].firstIndex(of: "?") {
            guard isRun(question + 1, end, extra: "/?", isQuery: true) else { return false }
            end = question
        }
        var start = 0
        if let colon = scalars[..<end].firstIndex(of: ":"), isScheme(0, colon) {
            start = colon + 1
        } else if !allowRelative {
            return false
        }
        let hierarchical = start
        if end - start >= 2, scalars[start] == "/", scalars[start + 1] == "/" {
            let authorityEnd = scalars[(start + 2)..<end].firstIndex(of: "/") ?? end
            guard isAuthority(start + 2, authorityEnd) else { return false }
            start = authorityEnd
        } else if hierarchical == 0 {
            let firstSegmentEnd = scalars[..<end].firstIndex(of: "/") ?? end
            guard !scalars[..<firstSegmentEnd].contains(":") else { return false }
        }
        return isRun(start, end, extra: "/", isQuery: false)
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1).
    private func isScheme(_ start: Int, _ end: Int) -> Bool {
        guard end > start, scalars[start].isASCIILetter else { return false }
        return scalars[start..<end].allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
        }
    }

    /// `[ userinfo "@" ] host [ ":" port ]` (RFC 3986 §3.2).
    private func isAuthority(_ start: Int, _ end: Int) -> Bool {
        var hostStart = start
        if let at = scalars[start..<end].firstIndex(of: "@") {
            guard isRun(start, at, extra: ":", isQuery: false, allowColonAndAt: false) else { return false }
            hostStart = at + 1
        }
        var hostEnd = end
        if hostStart < end, scalars[hostStart] == "[" {
            guard let close = scalars[hostStart..<end].firstIndex(of: "]"), isIPLiteral(hostStart + 1, close) else {
                return false
            }
            hostEnd = close + 1
            guard hostEnd == end || scalars[hostEnd] == ":" else { return false }
        } else {
            hostEnd = scalars[hostStart..<end].firstIndex(of: ":") ?? end
            guard isRun(hostStart, hostEnd, extra: "", isQuery: false, allowColonAndAt: false) else { return false }
        }
        guard hostEnd < end else { return true }
        return scalars[(hostEnd + 1)..<end].allSatisfy { ("0"..."9").contains($0) }
    }

    /// `IPv6address` or `IPvFuture` inside brackets (RFC 3986 §3.2.2).
    private func isIPLiteral(_ start: Int, _ end: Int) -> Bool {
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        if let first = text.first, first == "v" || first == "V" {
            let parts = text.dropFirst().split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
                  parts[0].unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit })
            else { return false }
            return parts[1].unicodeScalars.allSatisfy { isUnreserved($0, allowUCS: false) || isSubDelimiter($0)
                || $0 == ":" }
        }
        return IPAddressFormat.isIPv6(text)
    }

    /// Whether `scalars[start..<end]` are all `pchar`s (without `:` and `@` unless `allowColonAndAt`), percent
    /// escapes, or in `extra` (RFC 3986 §3.3–3.5).
    private func isRun(_ start: Int, _ end: Int, extra: String, isQuery: Bool, allowColonAndAt: Bool = true) -> Bool {
        var index = start
        while index < end {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < end, scalars[index + 1].properties.isASCIIHexDigit,
                      scalars[index + 2].properties.isASCIIHexDigit
                else { return false }
                index += 3
                continue
            }
            let allowed = isUnreserved(scalar, allowUCS: international) || isSubDelimiter(scalar)
                || (allowColonAndAt && (scalar == ":" || scalar == "@")) || extra.unicodeScalars.contains(scalar)
                || (international && isQuery && isPrivateUse(scalar))
            guard allowed else { return false }
            index += 1
        }
        return true
    }

    private func isUnreserved(_ scalar: Unicode.Scalar, allowUCS: Bool) -> Bool {
        if scalar.isASCIILetter || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
            return true
        }
        return allowUCS && isUCSChar(scalar)
    }

    private func isSubDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        "!$&'()*+,;=".unicodeScalars.contains(scalar)
    }

    /// `ucschar` (RFC 3987 §2.2).
    private func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0xA0...0xD7FF).contains(value) || (0xF900...0xFDCF).contains(value) || (0xFDF0...0xFFEF).contains(value) {
            return true
        }
        return value >= 0x10000 && value < 0xF0000 && value & 0xFFFF <= 0xFFFD
    }

    /// `iprivate` (RFC 3987 §2.2), allowed in queries only.
    private func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xE000...0xF8FF).contains(value) || (value >= 0xF0000 && value & 0xFFFF <= 0xFFFD)
    }
}
