/// What the parser found next in the byte stream.
public enum HTTPParserEvent: Sendable {
    /// A complete request line and header block; the body (if any) follows.
    case head(HTTPRequestHead)
    /// Body bytes, already stripped of chunked framing.
    case body([UInt8])
    /// The end of the current message, with the trailer fields of a chunked body (RFC 9112 §7.1.2).
    case end(trailers: HTTPHeaders)
}

/// An incremental, strict HTTP/1.1 request parser (RFC 9112) with no I/O.
///
/// Feed bytes with `append`, then call `next()` until it returns nil (it needs more bytes). Every byte is
/// examined once, so a 64 KiB header line costs the same as many short ones. Errors carry the status to send
/// before closing. Spans are kept as offsets relative to the start of the current head, so the buffer can be
/// compacted between reads.
public struct HTTPRequestParser: Sendable {
    public let limits: HTTPParserLimits
    var buffer: [UInt8] = []
    /// The next byte to examine.
    var cursor = 0
    var state: ParserState = .lineStart
    var head = HeadSpans()
    var fieldCount = 0
    var keepAlive = true
    /// Whether whole, plain heads take the straight-loop path; tests turn it off to compare with the state machine.
    var usesPlainHeadPath = true

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received but not yet parsed.
    public var bufferedByteCount: Int { buffer.count - cursor }

    /// True between messages with nothing buffered: a peer closing now loses nothing.
    public var isIdle: Bool { state.isBetweenMessages && bufferedByteCount == 0 }

    /// True while a request head is partly received.
    public var isReadingHead: Bool { state.isInHead && !(state.isBetweenMessages && bufferedByteCount == 0) }

    /// True after a head whose message has a body still to come.
    public var expectsBody: Bool {
        switch state {
        case .fixedBody, .chunkData, .chunkDataCR, .chunkDataLF, .chunkSize, .chunkSizeLF: return true
        case _ where state.isChunkExtension: return true
        default: return head.inTrailers
        }
    }

    /// Whether the connection stays open after the message whose head was parsed last (RFC 9112 §9.3), as
    /// `HTTPRequestHead.keepAlive` says, without reading the fields again.
    public var keepsAlive: Bool { keepAlive }

    /// True once a message that closes the connection has ended.
    public var isClosed: Bool { if case .closed = state { return true } else { return false } }

    /// Parses as far as the buffered bytes allow and returns the next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? {
        let bytes = buffer
        return try bytes.withUnsafeBufferPointer { input throws(HTTPParseError) in try step(input) }
    }

    /// Drops consumed bytes before the current head (head spans are relative to it).
    mutating func compact() {
        let keepFrom = state.isInHead && !state.isBetweenMessages ? head.start : cursor
        guard keepFrom > 0 else { return }
        if keepFrom == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if keepFrom >= 4096 || keepFrom * 2 >= buffer.count {
            buffer.removeFirst(keepFrom)
        } else {
            return
        }
        cursor -= keepFrom
        head.start -= keepFrom
    }
}
