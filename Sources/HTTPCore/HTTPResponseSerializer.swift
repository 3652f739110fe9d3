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
        let hasDate = appendFields(response.headers, into: &buffer)
        if !hasDate { buffer.append(contentsOf: dateLine) }
        appendEnd(framing: framing, keepAlive: keepAlive, into: &buffer)
    }

    /// Appends the framing field, `Connection: close` when the connection closes, and the empty line.
    ///
    /// They are assembled on the stack and appended in one go: each `append` costs about as much as the bytes it
    /// copies.
    private static func appendEnd(framing: Framing, keepAlive: Bool, into buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { end in
            var count = 0
            func put(_ bytes: [UInt8]) {
                for byte in bytes {
                    end[count] = byte
                    count += 1
                }
            }
            switch framing {
            case .length(let length):
                put(contentLengthPrefix)
                var digits = max(0, length), width = 1
                while digits >= 10 {
                    digits /= 10
                    width += 1
                }
                digits = max(0, length)
                for position in stride(from: count + width - 1, through: count, by: -1) {
                    end[position] = UInt8(truncatingIfNeeded: 0x30 + digits % 10)
                    digits /= 10
                }
                count += width
                put(crlf)
            case .chunked: put(chunkedLine)
            case .untilClose, .none: break
            }
            if !keepAlive { put(closeLine) }
            put(crlf)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: end[..<count]))
        }
    }

    /// Appends the handler's fields except those the server owns; returns whether one was Date.
    ///
    /// Fields in wire form with none of the server's among them are copied in one go; otherwise field by field,
    /// leaving out the server's and any whose name is not a token (it could split the response, RFC 9110 §5.1).
    private static func appendFields(_ headers: HTTPHeaders, into buffer: inout [UInt8]) -> Bool {
        var hasDate = false, hasFraming = false
        headers.bytes.withUnsafeBufferPointer { stored in
            for span in headers.spans {
                switch ServerOwnedField(UnsafeBufferPointer(rebasing: stored[span.nameStart..<span.nameEnd])) {
                case .framing: hasFraming = true
                case .date: hasDate = true
                case .other: break
                }
            }
            if headers.isWireForm && !hasFraming {
                buffer.append(contentsOf: stored)
                return
            }
            for span in headers.spans {
                let name = UnsafeBufferPointer(rebasing: stored[span.nameStart..<span.nameEnd])
                guard ServerOwnedField(name) != .framing, ByteClass.isToken(name) else { continue }
                appendField(name, UnsafeBufferPointer(rebasing: stored[span.valueStart..<span.valueEnd]),
                            into: &buffer)
            }
        }
        return hasDate
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

    /// How the serializer treats a handler's field (framing and connection management are the server's),
    /// decided by its length before any comparison.
    enum ServerOwnedField {
        case framing, date, other

        init(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 4: self = ByteClass.equalsIgnoringCase(name, "date") ? .date : .other
            case 10: self = ByteClass.equalsIgnoringCase(name, "connection") ? .framing : .other
            case 14: self = ByteClass.equalsIgnoringCase(name, "content-length") ? .framing : .other
            case 17: self = ByteClass.equalsIgnoringCase(name, "transfer-encoding") ? .framing : .other
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

    /// Appends `name: value\r\n`. A CR or LF in a value would split the response (RFC 9110 §5.5); a space is
    /// sent instead.
    static func appendField(_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>,
                            into buffer: inout [UInt8]) {
        buffer.append(contentsOf: name)
        buffer.append(0x3A)
        buffer.append(0x20)
        for byte in value { buffer.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte) }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }
}
