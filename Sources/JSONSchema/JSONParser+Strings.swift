extension JSONParser {
    /// Parses a string starting at the opening quote (RFC 8259 §7).
    ///
    /// Unescaped runs are copied straight from the buffer. Escaped lone surrogates (`\uD800` without a
    /// following low surrogate, or a stray low surrogate) are replaced with U+FFFD, since Swift strings
    /// hold only Unicode scalars; RFC 8259 §8.2 leaves their handling to the implementation.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position + 1
        var index = start
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !ascii { try validateUTF8(start..<index) }
                position = index + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(start: start, firstEscape: index)
            }
            if byte < 0x20 { throw controlCharacterError(at: index) }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw error(.unexpectedEndOfInput, "unterminated string starting at byte \(position)", at: bytes.count)
    }

    /// The slow path for strings with escapes: decodes into a byte buffer.
    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(firstEscape - start + 16)
        var runStart = start
        var index = firstEscape
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                try validateUTF8(runStart..<index)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == UInt8(ascii: "\"") {
                    position = index + 1
                    return String(decoding: buffer, as: UTF8.self)
                }
                index = try decodeEscape(at: index, into: &buffer)
                runStart = index
                continue
            }
            if byte < 0x20 { throw controlCharacterError(at: index) }
            index += 1
        }
        throw error(.unexpectedEndOfInput, "unterminated string starting at byte \(start - 1)", at: bytes.count)
    }

    /// Decodes the escape at `index` (a backslash) into `buffer`; returns the index after it.
    private func decodeEscape(at index: Int, into buffer: inout [UInt8]) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else {
            throw error(.unexpectedEndOfInput, "unterminated escape sequence", at: index)
        }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: index, into: &buffer)
        default:
            throw error(.invalidEscape, "invalid escape sequence '\\\(describeEscaped(index + 1))' in string",
                        at: index)
        }
        buffer.append(simple)
        return index + 2
    }

    /// Decodes `\uXXXX`, joining a surrogate pair written as two escapes (RFC 8259 §7).
    private func decodeUnicodeEscape(at index: Int, into buffer: inout [UInt8]) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: index + 2, escapeStart: index)
        var next = index + 6
        var scalar = Unicode.Scalar(unit)
        if (0xD800...0xDBFF).contains(unit), next + 5 < bytes.count,
           bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") {
            let low = try hexQuad(at: next + 2, escapeStart: next)
            if (0xDC00...0xDFFF).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                next += 6
            }
        }
        UTF8.encode(scalar ?? "\u{FFFD}") { buffer.append($0) }
        return next
    }

    /// Reads four hex digits at `index`.
    private func hexQuad(at index: Int, escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for offset in 0..<4 {
            guard index + offset < bytes.count else {
                throw error(.unexpectedEndOfInput, "unterminated \\u escape", at: escapeStart)
            }
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error(.invalidEscape, "invalid \\u escape: expected four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func describeEscaped(_ index: Int) -> String {
        let byte = bytes[index]
        return byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "\\u{\(byte)}"
    }

    private func controlCharacterError(at index: Int) -> JSONParseError {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        return error(.controlCharacterInString, "unescaped control character \(code) in string", at: index)
    }

    /// Checks that a run of raw string bytes is well-formed UTF-8 (RFC 3629 §4), pointing at the first bad byte.
    private func validateUTF8(_ range: Range<Int>) throws(JSONParseError) {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: throw error(.invalidUTF8, "invalid UTF-8 byte in string", at: index)
            }
            guard index + length <= range.upperBound else {
                throw error(.invalidUTF8, "truncated UTF-8 sequence in string", at: index)
            }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else {
                throw error(.invalidUTF8, "invalid UTF-8 sequence in string", at: index)
            }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                throw error(.invalidUTF8, "invalid UTF-8 sequence in string", at: index)
            }
            index += length
        }
    }
}
