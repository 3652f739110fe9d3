extension ECMARegexTranslator {
    /// Translates the escape after a backslash (ECMA-262 §22.2.1 `AtomEscape`, `ClassEscape`).
    mutating func translateEscape(inClass: Bool) -> Bool {
        guard let scalar = takeScalar() else { return false }
        switch scalar {
        case "d": emitSet(ECMARegexTranslator.digit, negated: false, inClass: inClass)
        case "D": emitSet(ECMARegexTranslator.digit, negated: true, inClass: inClass)
        case "w": emitSet(ECMARegexTranslator.word, negated: false, inClass: inClass)
        case "W": emitSet(ECMARegexTranslator.word, negated: true, inClass: inClass)
        case "s": emitSet(ECMARegexTranslator.whitespace, negated: false, inClass: inClass)
        case "S": emitSet(ECMARegexTranslator.whitespace, negated: true, inClass: inClass)
        case "b": output += inClass ? #"\x{08}"# : #"\b"#
        case "B": if inClass { return false } else { output += #"\B"# }
        case "t", "n", "r", "f": output += "\\" + String(scalar)
        case "v": output += #"\x{0B}"#
        case "0": output += #"\x{00}"#
        case "c":
            guard let letter = takeScalar(), letter.isASCIILetter else {
                return false
            }
            output += #"\x{"# + String(letter.value % 32, radix: 16) + "}"
        case "x":
            return copyHex(count: 2, prefix: #"\x"#)
        case "u":
            return translateUnicodeEscape()
        case "p", "P":
            return copyBraced(prefix: "\\" + String(scalar))
        case "k":
            guard peek == "<", let close = remainingIndex(of: ">") else { return false }
            output += #"\k"#
            copyThrough(close)
        case "1"..."9":
            output += "\\" + String(scalar)
            while let next = peek, ("0"..."9").contains(next) {
                output += String(next)
                index += 1
            }
        default:
            if scalar.isASCIILetter || ("0"..."9").contains(scalar) { return false }
            output += "\\"
            output.unicodeScalars.append(scalar)
        }
        return true
    }

    /// `\d`-style sets: inside a class as a range list (or a nested negated set), outside as a class.
    private mutating func emitSet(_ body: String, negated: Bool, inClass: Bool) {
        if inClass && !negated {
            output += body
        } else {
            output += "[" + (negated ? "^" : "") + body + "]"
        }
    }

    /// `\uXXXX` (joining an escaped surrogate pair) and `\u{X…}`.
    private mutating func translateUnicodeEscape() -> Bool {
        if peek == "{" {
            return copyBraced(prefix: #"\x"#)
        }
        guard let high = readHex(count: 4) else { return false }
        var value = high
        if (0xD800...0xDBFF).contains(high), peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" {
            let saved = index
            index += 2
            if let low = readHex(count: 4), (0xDC00...0xDFFF).contains(low) {
                value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = saved
            }
        }
        output += #"\x{"# + String(value, radix: 16) + "}"
        return true
    }

    private mutating func copyHex(count: Int, prefix: String) -> Bool {
        guard let value = readHex(count: count) else { return false }
        output += prefix + "{" + String(value, radix: 16) + "}"
        return true
    }

    /// Copies `{…}` after `prefix`, e.g. `\p{Letter}`.
    private mutating func copyBraced(prefix: String) -> Bool {
        guard peek == "{", let close = remainingIndex(of: "}") else { return false }
        output += prefix
        copyThrough(close)
        return true
    }

    private mutating func readHex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = peek, scalar.properties.isASCIIHexDigit,
                  let digit = UInt32(String(scalar), radix: 16) else { return nil }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}

extension ECMARegexTranslator {
    mutating func takeScalar() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        index += 1
        return scalars[index - 1]
    }

    /// The position of the next `scalar` at or after the current one.
    func remainingIndex(of scalar: Unicode.Scalar) -> Int? {
        scalars[index...].firstIndex(of: scalar)
    }

    /// Copies scalars up to and including position `end`.
    mutating func copyThrough(_ end: Int) {
        for scalar in scalars[index...end] {
            output.unicodeScalars.append(scalar)
        }
        index = end + 1
    }
}
