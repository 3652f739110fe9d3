import Foundation

extension JSONValue {
    /// The default nesting limit for arrays and objects while parsing.
    public static let defaultMaxDepth = 512

    /// Parses JSON text (RFC 8259) from UTF-8 bytes in a buffer.
    ///
    /// Strict: one value, optional surrounding whitespace, nothing after it; arrays and objects may nest at
    /// most `maxDepth` levels. A repeated object key keeps its first position and its last value (RFC 8259 §4
    /// leaves this open). An escaped lone surrogate such as `"\uD800"` becomes U+FFFD, since a Swift string
    /// cannot hold it (RFC 8259 §8.2). A leading UTF-8 byte order mark is ignored (RFC 8259 §8.1).
    public init(parsing buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONValue.defaultMaxDepth)
        throws(JSONParseError) {
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
        self = try parser.parseDocument()
    }

    /// Parses JSON text (RFC 8259) from UTF-8 bytes.
    public init(parsing bytes: [UInt8], maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try JSONValue(parsing: buffer, maxDepth: maxDepth) }
        }
        self = try result.get()
    }

    /// Parses JSON text (RFC 8259) from UTF-8 data.
    public init(parsing data: Data, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            return Result { () throws(JSONParseError) in try JSONValue(parsing: buffer, maxDepth: maxDepth) }
        }
        self = try result.get()
    }

    /// Parses JSON text (RFC 8259) from a string.
    public init(parsing text: String, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try JSONValue(parsing: buffer, maxDepth: maxDepth) }
        }
        self = try result.get()
    }
}
