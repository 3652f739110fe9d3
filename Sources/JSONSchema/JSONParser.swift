/// A strict RFC 8259 parser over a buffer of UTF-8 bytes.
///
/// It never recurses: open arrays and objects live on an explicit stack, bounded by `maxDepth`, so hostile
/// input cannot exhaust the thread's stack. A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1).
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0

    /// An array or object whose closing bracket has not been read yet.
    private struct Container {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members = JSONObject()
        var key = ""
    }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses the whole buffer as one JSON text (RFC 8259 §2): a value with optional whitespace around it.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        var stack: [Container] = []
        while true {
            guard var value = try parseValueOrOpen(&stack) else { continue }
            while true {
                skipWhitespace()
                if stack.isEmpty {
                    guard position == bytes.count else {
                        throw error(.trailingCharacters, "unexpected \(describeByte()) after the JSON value")
                    }
                    return value
                }
                if try closeOrContinue(&stack, with: value) { break }
                let done = stack.removeLast()
                value = done.isObject ? .object(done.members) : .array(done.elements)
            }
        }
    }

    /// Parses a scalar, or opens a container (pushing it) and returns `nil`.
    private mutating func parseValueOrOpen(_ stack: inout [Container]) throws(JSONParseError) -> JSONValue? {
        skipWhitespace()
        guard position < bytes.count else {
            throw error(.unexpectedEndOfInput, stack.isEmpty ? "expected a JSON value" : "unexpected end of input")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try checkDepth(stack.count)
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject())
            }
            var container = Container(isObject: true)
            container.key = try parseKey()
            stack.append(container)
            return nil
        case UInt8(ascii: "["):
            try checkDepth(stack.count)
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array([])
            }
            stack.append(Container(isObject: false))
            return nil
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error(.unexpectedCharacter, "unexpected \(describeByte()); NaN and Infinity are not JSON numbers")
        case UInt8(ascii: "]") where !stack.isEmpty:
            throw error(.unexpectedCharacter, "unexpected character ']'; trailing commas are not allowed")
        default:
            throw error(.unexpectedCharacter, "unexpected \(describeByte()); expected a JSON value")
        }
    }

    /// Stores `value` in the innermost container, then reads `,` (returns true: parse the next value) or the
    /// closing bracket (returns false: the container is complete).
    private mutating func closeOrContinue(_ stack: inout [Container], with value: JSONValue)
        throws(JSONParseError) -> Bool {
        let top = stack.count - 1
        let isObject = stack[top].isObject
        if isObject {
            let key = stack[top].key
            stack[top].members.updateValue(value, forKey: key)
        } else {
            stack[top].elements.append(value)
        }
        guard position < bytes.count else {
            throw error(.unexpectedEndOfInput, isObject ? "unterminated object" : "unterminated array")
        }
        let byte = bytes[position]
        if byte == UInt8(ascii: ",") {
            position += 1
            if isObject {
                skipWhitespace()
                stack[top].key = try parseKey()
            }
            return true
        }
        if byte == UInt8(ascii: isObject ? "}" : "]") {
            position += 1
            return false
        }
        let expected = isObject ? "',' or '}' after an object member" : "',' or ']' after an array element"
        throw error(.unexpectedCharacter, "unexpected \(describeByte()); expected \(expected)")
    }

    /// Reads an object key and the `:` after it (RFC 8259 §4).
    private mutating func parseKey() throws(JSONParseError) -> String {
        guard position < bytes.count else { throw error(.unexpectedEndOfInput, "unterminated object") }
        guard bytes[position] == UInt8(ascii: "\"") else {
            let hint = bytes[position] == UInt8(ascii: "}") ? "; trailing commas are not allowed" : ""
            throw error(.unexpectedCharacter, "unexpected \(describeByte()); expected a string key\(hint)")
        }
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count else { throw error(.unexpectedEndOfInput, "unterminated object") }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw error(.unexpectedCharacter, "unexpected \(describeByte()); expected ':' after an object key")
        }
        position += 1
        return key
    }

    private func checkDepth(_ depth: Int) throws(JSONParseError) {
        if depth >= maxDepth {
            throw error(.depthLimitExceeded, "arrays and objects are nested deeper than \(maxDepth) levels")
        }
    }

    /// Skips the four whitespace bytes of RFC 8259 §2.
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// An error at `offset` (the current position by default).
    func error(_ kind: JSONParseError.Kind, _ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(kind: kind, offset: offset ?? position, message: message, in: bytes)
    }

    /// Names the byte at `offset` for messages: `'x'`, or `byte 0xNN` for non-printable bytes.
    func describeByte(at offset: Int? = nil) -> String {
        let index = offset ?? position
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
}
