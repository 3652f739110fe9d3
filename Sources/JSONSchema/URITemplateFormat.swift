/// URI Templates (RFC 6570 §2), level 4 syntax.
enum URITemplateFormat {
    /// Literals and `{[operator]varspec,…}` expressions, with `varname[*|:max-length]` varspecs.
    static func isTemplate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[index...].firstIndex(of: "}"), isExpression(scalars[(index + 1)..<close])
                else { return false }
                index = close + 1
            } else if scalar == "%" {
                guard isPercentEscape(scalars, index) else { return false }
                index += 3
            } else {
                guard isLiteral(scalar) else { return false }
                index += 1
            }
        }
        return true
    }

    /// `literals` (RFC 6570 §2.1); the apostrophe is accepted as RFC 3986 allows it in URIs.
    private static func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0xA0 { return true }
        if value <= 0x20 || value == 0x7F || (0x80...0x9F).contains(value) { return false }
        return !"\"%<>\\^`{|}".unicodeScalars.contains(scalar)
    }

    /// `expression` body (RFC 6570 §2.2): an optional level-2/3 operator, then a variable list.
    private static func isExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var body = body
        if let first = body.first, "+#./;?&".unicodeScalars.contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        return body.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(isVarspec)
    }

    /// `varname [ "*" / ":" max-length ]` (RFC 6570 §2.3, §2.4).
    private static func isVarspec(_ spec: ArraySlice<Unicode.Scalar>) -> Bool {
        let scalars = Array(spec)
        var index = 0
        var previousWasDot = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard isPercentEscape(scalars, index) else { return false }
                index += 3
            } else if scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "_" {
                index += 1
            } else if scalar == "." && !previousWasDot {
                previousWasDot = true
                index += 1
                continue
            } else {
                break
            }
            previousWasDot = false
        }
        guard index > 0, !previousWasDot else { return false }
        let modifier = scalars[index...]
        if modifier.isEmpty || modifier.elementsEqual(["*"]) { return true }
        guard modifier.first == ":" else { return false }
        let digits = modifier.dropFirst()
        return (1...4).contains(digits.count) && digits.first != "0" && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func isPercentEscape(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index + 2 < scalars.count && scalars[index + 1].properties.isASCIIHexDigit
            && scalars[index + 2].properties.isASCIIHexDigit
    }
}
