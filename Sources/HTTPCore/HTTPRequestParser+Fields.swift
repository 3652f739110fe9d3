extension HTTPRequestParser {
    /// Parses `field-name ":" OWS field-value OWS CRLF` lines up to the empty line (RFC 9112 §5), for the
    /// header section and for the trailer section of a chunked body. Rejects obs-fold, whitespace before
    /// the colon, bare CR or LF, and control characters (RFC 9112 §5.1, §5.2; RFC 9110 §5.5).
    mutating func stepFields(_ input: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPParserEvent? {
        let end = input.count
        while cursor < end {
            let byte = input[cursor]
            switch state {
            case .fieldStart:
                if byte == 0x0D {
                    state = .headEndLF
                } else if ByteClass.isToken(byte) {
                    head.current = HTTPHeaders.Span(nameStart: cursor - head.start)
                    state = .fieldName
                } else if byte == 0x20 || byte == 0x09 {
                    throw .bad("whitespace at the start of a field line (obs-fold is not accepted)")
                } else {
                    throw .bad("invalid character in field name")
                }
            case .fieldName:
                var index = cursor
                while index < end, ByteClass.isToken(input[index]) { index += 1 }
                cursor = index
                guard index < end else { return try checkFieldSize() }
                let next = input[index]
                guard next == UInt8(ascii: ":") else {
                    throw .bad(next == 0x20 || next == 0x09 ? "whitespace before the colon"
                                                            : "invalid character in field name")
                }
                head.current.nameEnd = cursor - head.start
                state = .fieldValueLeading
            case .fieldValueLeading:
                if byte == 0x0D {
                    head.current.valueStart = cursor - head.start
                    head.current.valueEnd = head.current.valueStart
                    state = .fieldLF
                } else if byte != 0x20 && byte != 0x09 {
                    guard ByteClass.isFieldValue(byte) else { throw .bad("invalid character in field value") }
                    head.current.valueStart = cursor - head.start
                    head.current.valueEnd = head.current.valueStart + 1
                    state = .fieldValue
                }
            case .fieldValue:
                var index = cursor
                var lastVisible = head.current.valueEnd + head.start - 1
                while index < end {
                    let value = input[index]
                    guard ByteClass.isFieldValue(value) else { break }
                    if value != 0x20 && value != 0x09 { lastVisible = index }
                    index += 1
                }
                head.current.valueEnd = lastVisible + 1 - head.start
                cursor = index
                guard index < end else { return try checkFieldSize() }
                guard input[index] == 0x0D else {
                    throw .bad(input[index] == 0x0A ? "bare LF in a field line" : "invalid character in field value")
                }
                state = .fieldLF
            case .fieldLF:
                guard byte == 0x0A else { throw .bad("expected LF after CR in a field line") }
                fieldCount += 1
                if fieldCount > limits.maxHeaderCount {
                    throw HTTPParseError(.headerFieldsTooLarge, "more than \(limits.maxHeaderCount) header fields")
                }
                head.fields.append(head.current)
                if !head.inTrailers { try checkFramingField(input, head.current) }
                state = .fieldStart
            case .headEndLF:
                guard byte == 0x0A else { throw .bad("expected LF after CR at the end of the header section") }
                cursor += 1
                if head.inTrailers {
                    head.inTrailers = false
                    state = keepAlive ? .lineStart : .closed
                    return .end(trailers: fields(input))
                }
                return .head(try finishHead(input))
            default:
                return nil
            }
            cursor += 1
            _ = try checkFieldSize()
        }
        return nil
    }

    /// Refuses a bad or duplicate Content-Length, or one beside Transfer-Encoding, as soon as its line ends.
    private mutating func checkFramingField(_ input: UnsafeBufferPointer<UInt8>, _ field: HTTPHeaders.Span)
        throws(HTTPParseError) {
        let name = UnsafeBufferPointer(rebasing: input[head.start + field.nameStart..<head.start + field.nameEnd])
        if ByteClass.equalsIgnoringCase(name, "content-length") {
            guard !head.sawContentLength else { throw .bad("more than one Content-Length") }
            guard !head.sawTransferEncoding else { throw .bad("Content-Length and Transfer-Encoding together") }
            head.sawContentLength = true
            let value = input[head.start + field.valueStart..<head.start + field.valueEnd]
            _ = try Self.parseContentLength(String(decoding: value, as: UTF8.self))
        } else if ByteClass.equalsIgnoringCase(name, "transfer-encoding") {
            guard !head.sawContentLength else { throw .bad("Transfer-Encoding and Content-Length together") }
            head.sawTransferEncoding = true
        }
    }

    /// The fields recorded since the current head (or trailer section) began, as headers over a copy of the
    /// section's bytes; the spans are handed over, not copied.
    mutating func fields(_ input: UnsafeBufferPointer<UInt8>) -> HTTPHeaders {
        let spans = head.fields
        head.fields = []
        head.fields.reserveCapacity(spans.count)
        return HTTPHeaders(bytes: Array(input[head.start..<cursor]), spans: spans)
    }

    /// Throws 431 once the header (or trailer) section outgrows its limit; returns nil (more bytes needed).
    private func checkFieldSize() throws(HTTPParseError) -> HTTPParserEvent? {
        let size = cursor - head.start - head.requestLineEnd
        if size > limits.maxHeaderBytes {
            throw HTTPParseError(.headerFieldsTooLarge, "header section larger than \(limits.maxHeaderBytes) bytes")
        }
        return nil
    }
}
