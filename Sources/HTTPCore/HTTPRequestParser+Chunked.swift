extension HTTPRequestParser {
    /// Parses chunk-size, chunk extensions and the CRLFs around chunk data (RFC 9112 §7.1).
    mutating func stepChunkFraming(_ input: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let end = input.count
        while cursor < end {
            let byte = input[cursor]
            switch state {
            case .chunkSize:
                if let digit = ByteClass.hexValue(byte) {
                    guard head.chunkSize <= (Int.max >> 5) else { throw .bad("chunk size overflow") }
                    head.chunkSize = head.chunkSize << 4 | digit
                    head.chunkDigits += 1
                } else {
                    guard head.chunkDigits > 0 else { throw .bad("invalid character in chunk size") }
                    switch byte {
                    case UInt8(ascii: ";"): state = .chunkExtName
                    case 0x0D: state = .chunkSizeLF
                    default: throw .bad("invalid character in chunk size")
                    }
                }
            case .chunkExtName:
                guard ByteClass.isToken(byte) else { throw .bad("invalid character in chunk extension name") }
                state = .chunkExtAfterName
            case .chunkExtAfterName:
                try afterExtension(byte, allowValue: true)
            case .chunkExtValueStart:
                if byte == UInt8(ascii: "\"") {
                    state = .chunkExtQuoted
                } else {
                    guard ByteClass.isToken(byte) else { throw .bad("invalid character in chunk extension value") }
                    state = .chunkExtToken
                }
            case .chunkExtToken:
                try afterExtension(byte, allowValue: false)
            case .chunkExtQuoted:
                if byte == UInt8(ascii: "\\") {
                    state = .chunkExtQuotedEscape
                } else if byte == UInt8(ascii: "\"") {
                    state = .chunkExtAfterQuoted
                } else if !Self.isQuotedText(byte) {
                    throw .bad("invalid character in a quoted chunk extension value")
                }
            case .chunkExtQuotedEscape:
                guard byte == 0x09 || (byte >= 0x20 && byte != 0x7F) else {
                    throw .bad("invalid escape in a quoted chunk extension value")
                }
                state = .chunkExtQuoted
            case .chunkExtAfterQuoted:
                switch byte {
                case UInt8(ascii: ";"): state = .chunkExtName
                case 0x0D: state = .chunkSizeLF
                default: throw .bad("invalid character after a quoted chunk extension value")
                }
            case .chunkSizeLF:
                guard byte == 0x0A else { throw .bad("expected LF after the chunk size") }
                cursor += 1
                try startChunk()
                return
            case .chunkDataCR:
                guard byte == 0x0D else { throw .bad("expected CRLF after chunk data") }
                state = .chunkDataLF
            case .chunkDataLF:
                guard byte == 0x0A else { throw .bad("expected LF after chunk data") }
                head.chunkSize = 0
                head.chunkDigits = 0
                head.chunkExtensionBytes = 0
                state = .chunkSize
            default:
                return
            }
            cursor += 1
            if state.isChunkExtension {
                head.chunkExtensionBytes += 1
                if head.chunkExtensionBytes > limits.maxChunkExtensionBytes {
                    throw .bad("chunk extensions longer than \(limits.maxChunkExtensionBytes) bytes")
                }
            }
        }
    }

    /// Moves from a chunk-size line to its data, or to the trailer section after the last chunk.
    private mutating func startChunk() throws(HTTPParseError) {
        if head.chunkSize == 0 {
            head.inTrailers = true
            head.start = cursor
            head.requestLineEnd = 0
            head.fields.removeAll(keepingCapacity: true)
            state = .fieldStart
        } else {
            head.bodyBytes += head.chunkSize
            if head.bodyBytes > limits.maxBodyBytes {
                throw HTTPParseError(.payloadTooLarge, "chunked body over the limit of \(limits.maxBodyBytes) bytes")
            }
            state = .chunkData(head.chunkSize)
        }
    }

    /// After an extension name or token value: `=`, another `;`, or the end of the line.
    private mutating func afterExtension(_ byte: UInt8, allowValue: Bool) throws(HTTPParseError) {
        if ByteClass.isToken(byte) { return }
        switch byte {
        case UInt8(ascii: "=") where allowValue: state = .chunkExtValueStart
        case UInt8(ascii: ";"): state = .chunkExtName
        case 0x0D: state = .chunkSizeLF
        default: throw .bad("invalid character in chunk extensions")
        }
    }

    /// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4).
    private static func isQuotedText(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x20 || byte == 0x21 || (byte >= 0x23 && byte != 0x5C && byte != 0x7F)
    }
}
