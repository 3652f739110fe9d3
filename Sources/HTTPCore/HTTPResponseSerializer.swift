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
        buffer.append(contentsOf: "HTTP/1.1 \(response.status.code) \(response.status.reasonPhrase)\r\n".utf8)
        var hasDate = false
        for field in response.headers {
            if isFramingField(field.name) { continue }
            if !hasDate, field.name.equalsIgnoringASCIICase("Date") { hasDate = true }
            appendField(field.name, field.value, into: &buffer)
        }
        if !hasDate { appendField("Date", date, into: &buffer) }
        switch framing {
        case .length(let count): appendField("Content-Length", String(count), into: &buffer)
        case .chunked: appendField("Transfer-Encoding", "chunked", into: &buffer)
        case .untilClose, .none: break
        }
        if !keepAlive { appendField("Connection", "close", into: &buffer) }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }

    /// Appends one chunk: size in hex, CRLF, data, CRLF. An empty chunk is skipped (it would end the body).
    public static func writeChunk(_ data: [UInt8], into buffer: inout [UInt8]) {
        guard !data.isEmpty else { return }
        buffer.append(contentsOf: String(data.count, radix: 16).utf8)
        buffer.append(contentsOf: [0x0D, 0x0A])
        buffer.append(contentsOf: data)
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// The last chunk with no trailers.
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The interim response sent when a client waits with `Expect: 100-continue`.
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Fields the server owns: framing and connection management.
    static func isFramingField(_ name: String) -> Bool {
        name.equalsIgnoringASCIICase("Content-Length") || name.equalsIgnoringASCIICase("Transfer-Encoding")
            || name.equalsIgnoringASCIICase("Connection")
    }

    @inline(__always)
    static func appendField(_ name: String, _ value: String, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: name.utf8)
        buffer.append(0x3A)
        buffer.append(0x20)
        for byte in value.utf8 {
            // A CR or LF in a value would split the response (RFC 9110 §5.5); send a space instead.
            buffer.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte)
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }
}
