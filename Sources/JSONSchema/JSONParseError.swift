/// Why JSON text could not be parsed, and where (RFC 8259).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: Sendable, Equatable {
        /// The text ended inside a value, or was empty.
        case unexpectedEndOfInput
        /// A byte that cannot start or continue a value here.
        case unexpectedCharacter
        /// A number that breaks the RFC 8259 §6 grammar (leading zeros, missing digits).
        case invalidNumber
        /// A backslash escape that RFC 8259 §7 does not define.
        case invalidEscape
        /// A raw control character (U+0000–U+001F) inside a string (RFC 8259 §7).
        case controlCharacterInString
        /// Bytes that are not UTF-8 (RFC 8259 §8.1).
        case invalidUTF8
        /// Non-whitespace text after the value.
        case trailingCharacters
        /// Arrays and objects nested deeper than the parser's limit.
        case depthLimitExceeded
    }

    /// The class of problem.
    public let kind: Kind
    /// The 0-based byte offset of the problem.
    public let offset: Int
    /// The 1-based line of the problem (lines end at `\n`).
    public let line: Int
    /// The 1-based column of the problem, counted in Unicode scalars.
    public let column: Int
    /// What was wrong, for people.
    public let message: String

    /// Creates an error; `line` and `column` are usually computed by `init(kind:offset:message:in:)`.
    public init(kind: Kind, offset: Int, line: Int, column: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// Creates an error, computing line and column from the input bytes.
    init(kind: Kind, offset: Int, message: String, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var position = 0
        let end = min(offset, bytes.count)
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        self.init(kind: kind, offset: offset, line: line, column: column, message: message)
    }

    /// The message with its position, e.g. "unterminated string at line 1, column 5 (byte 4)".
    public var description: String {
        "\(message) at line \(line), column \(column) (byte \(offset))"
    }
}
