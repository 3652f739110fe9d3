/// Writes response heads and chunk framing as bytes (RFC 9112 §4, §6, §7.1).
public enum HTTPResponseSerializer {
    /// How the body that follows a head is framed.
    public enum Framing: Sendable, Equatable {
        /// `Content-Length: n` and exactly n bytes.
        case length(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// No framing header: the body ends when the connection closes (HTTP/1.0 streams).
        case untilClose
        /// No body and no length header (1xx, 204, 304).
        case none
    }

    /// Appends the status line and header fields, adding Date, framing and Connection fields.
    ///
    /// Framing and Connection fields set by the handler are replaced: the server decides them.
    public static func writeHead(
        _ response: HTTPResponse, framing: Framing, keepAlive: Bool, date: String, into buffer: inout [UInt8]
    ) {
        writeHead(response, framing: framing, keepAlive: keepAlive, dateLine: dateLine(date), into: &buffer)
    }

    /// The same, with the whole `Date: …\r\n` line already encoded (a server caches it for a second).
    public static func writeHead(
        _ response: HTTPResponse, framing: Framing, keepAlive: Bool, dateLine: [UInt8], into buffer: inout [UInt8]
    ) {
        appendStatusLine(response.status, into: &buffer)
        var hasDate = false
        for field in response.headers {
            switch ServerOwnedField(field.name) {
            case .framing: continue
            case .date: hasDate = true
            case .other: break
            }
            appendField(field.name, field.value, into: &buffer)
        }
        if !hasDate { buffer.append(contentsOf: dateLine) }
        switch framing {
        case .length(let count):
            buffer.append(contentsOf: contentLengthPrefix)
            appendDecimal(count, into: &buffer)
            buffer.append(contentsOf: crlf)
        case .chunked: buffer.append(contentsOf: chunkedLine)
        case .untilClose, .none: break
        }
        if !keepAlive { buffer.append(contentsOf: closeLine) }
        buffer.append(contentsOf: crlf)
    }

    /// `Date: <IMF-fixdate>\r\n` as bytes.
    public static func dateLine(_ date: String) -> [UInt8] { Array("Date: \(date)\r\n".utf8) }

    /// Appends one chunk: size in hex, CRLF, data, CRLF. An empty chunk is skipped (it would end the body).
    public static func writeChunk(_ data: [UInt8], into buffer: inout [UInt8]) {
        guard !data.isEmpty else { return }
        buffer.append(contentsOf: String(data.count, radix: 16).utf8)
        buffer.append(contentsOf: crlf)
        buffer.append(contentsOf: data)
        buffer.append(contentsOf: crlf)
    }

    /// The last chunk with no trailers.
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The interim response sent when a client waits with `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Fields the server owns: framing and connection management.
    static func isFramingField(_ name: String) -> Bool { ServerOwnedField(name) == .framing }

    /// How the serializer treats a handler's field, decided by its length before any comparison.
    enum ServerOwnedField {
        case framing, date, other

        init(_ name: String) {
            switch name.utf8.count {
            case 4: self = name.equalsIgnoringASCIICase("Date") ? .date : .other
            case 10: self = name.equalsIgnoringASCIICase("Connection") ? .framing : .other
            case 14: self = name.equalsIgnoringASCIICase("Content-Length") ? .framing : .other
            case 17: self = name.equalsIgnoringASCIICase("Transfer-Encoding") ? .framing : .other
            default: self = .other
            }
        }
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let contentLengthPrefix: [UInt8] = Array("Content-Length: ".utf8)
    private static let chunkedLine: [UInt8] = Array("Transfer-Encoding: chunked\r\n".utf8)
    private static let closeLine: [UInt8] = Array("Connection: close\r\n".utf8)

    /// `HTTP/1.1 200 OK\r\n` for every code with a standard phrase, encoded once (index: the code).
    private static let statusLines: [(phrase: String, line: [UInt8])?] = (0..<600).map { code in
        HTTPStatus.standardPhrases[code].map { ($0, Array("HTTP/1.1 \(code) \($0)\r\n".utf8)) }
    }

    private static func appendStatusLine(_ status: HTTPStatus, into buffer: inout [UInt8]) {
        if status.code >= 0, status.code < statusLines.count, let known = statusLines[status.code],
           known.phrase == status.reasonPhrase {
            buffer.append(contentsOf: known.line)
        } else {
            buffer.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n".utf8)
        }
    }

    /// Appends a non-negative integer in decimal.
    private static func appendDecimal(_ value: Int, into buffer: inout [UInt8]) {
        guard value >= 10 else {
            buffer.append(UInt8(truncatingIfNeeded: 0x30 + max(0, value)))
            return
        }
        appendDecimal(value / 10, into: &buffer)
        buffer.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
    }

    static func appendField(_ name: String, _ value: String, into buffer: inout [UInt8]) {
        appendText(name, into: &buffer)
        buffer.append(0x3A)
        buffer.append(0x20)
        // A CR or LF in a value would split the response (RFC 9110 §5.5); send a space instead.
        let clean = value.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == 0x0D || byte == 0x0A { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if clean != true {
            for byte in value.utf8 { buffer.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte) }
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }

    /// Appends a string's UTF-8 bytes, copied in one go when the string is stored contiguously.
    @inline(__always)
    private static func appendText(_ text: String, into buffer: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
        if copied == nil { buffer.append(contentsOf: text.utf8) }
    }
}
