extension JSONParser {
    /// Parses a number (RFC 8259 §6): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    ///
    /// Plain integers that fit in `Int64` take a fast path; everything else keeps its text, so no digit is lost.
    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        var index = position
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error(.invalidNumber, "expected a digit after '-'", at: index)
        }
        var accumulator: Int64 = 0  // built negative so Int64.min fits
        var fits = true
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw error(.invalidNumber, "leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int64(bytes[index] - UInt8(ascii: "0"))
                let (times10, overflow1) = accumulator.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.subtractingReportingOverflow(digit)
                if overflow1 || overflow2 { fits = false } else { accumulator = next }
                index += 1
            }
        }
        var plain = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            plain = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.invalidNumber, "expected a digit after the decimal point", at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            plain = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error(.invalidNumber, "expected a digit in the exponent", at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        position = index
        if plain, fits, !(negative && accumulator == 0) {
            if negative { return JSONNumber(accumulator) }
            if accumulator != Int64.min { return JSONNumber(-accumulator) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return JSONNumber(storage: .literal(text))
    }

    /// Reads one of `true`, `false`, `null` (RFC 8259 §3).
    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count {
            guard position + offset < bytes.count else {
                throw error(.unexpectedEndOfInput, "unexpected end of input in literal '\(literal)'")
            }
            guard bytes[position + offset] == expected[offset] else {
                throw error(.unexpectedCharacter, "invalid literal; expected '\(literal)'")
            }
        }
        position += count
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
