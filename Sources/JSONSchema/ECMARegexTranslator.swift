/// Rewrites an ECMA-262 pattern into ICU regular expression syntax.
struct ECMARegexTranslator {
    let scalars: [Unicode.Scalar]
    var index = 0
    var output = ""

    /// ECMA-262 `WhiteSpace` and `LineTerminator` (§12.2, §12.3), as the inside of an ICU set.
    static let whitespace = #"\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}"#
        + #"\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    static let word = "a-zA-Z0-9_"
    static let digit = "0-9"

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// The ICU pattern, or `nil` for syntax ECMA-262 does not allow.
    mutating func translate() -> String? {
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inClass {
                switch scalar {
                case "]": output += "]"; inClass = false
                case "\\": guard translateEscape(inClass: true) else { return nil }
                case "[", "&", "$", ":": output += "\\" + String(scalar)
                case "-" where peek == "-": output += "\\-"
                default: output.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\\":
                guard translateEscape(inClass: false) else { return nil }
            case "$":
                output += #"\z"#
            case "[":
                inClass = openClass()
            case "(":
                guard translateGroupOpening() else { return nil }
            case "{":
                if let close = quantifierEnd() {
                    output += "{"
                    copyThrough(close)
                } else {
                    output += #"\{"#
                }
            case "}":
                output += #"\}"#
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return inClass ? nil : output
    }

    var peek: Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    /// Handles `[`: `[]` never matches, `[^]` matches anything; returns whether a class is now open.
    private mutating func openClass() -> Bool {
        if peek == "]" {
            index += 1
            output += "(?!)"
            return false
        }
        if peek == "^", index + 1 < scalars.count, scalars[index + 1] == "]" {
            index += 2
            output += #"[\x{0}-\x{10FFFF}]"#
            return false
        }
        output += "["
        if peek == "^" {
            index += 1
            output += "^"
        }
        return true
    }

    /// Allows only ECMA-262 group forms: `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`.
    private mutating func translateGroupOpening() -> Bool {
        output += "("
        guard peek == "?" else { return true }
        index += 1
        output += "?"
        guard let next = peek else { return false }
        switch next {
        case ":", "=", "!":
            return true
        case "<":
            guard index + 1 < scalars.count else { return false }
            let after = scalars[index + 1]
            if after == "=" || after == "!" { return true }
            guard let close = scalars[index...].firstIndex(of: ">"), close > index + 1 else { return false }
            return scalars[(index + 1)..<close].allSatisfy { $0.properties.isAlphabetic || $0 == "_" || $0 == "$"
                || ("0"..."9").contains($0) }
        default:
            return false
        }
    }

    /// The position of the `}` closing a `{n}`, `{n,}` or `{n,m}` quantifier opened at `index - 1`.
    private func quantifierEnd() -> Int? {
        var position = index
        var digits = 0
        var sawComma = false
        while position < scalars.count {
            let scalar = scalars[position]
            if ("0"..."9").contains(scalar) {
                digits += 1
            } else if scalar == "," && !sawComma && digits > 0 {
                sawComma = true
            } else {
                return scalar == "}" && digits > 0 ? position : nil
            }
            position += 1
        }
        return nil
    }
}
