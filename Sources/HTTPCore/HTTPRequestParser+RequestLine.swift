extension HTTPRequestParser {
    /// Parses `method SP request-target SP HTTP-version CRLF` (RFC 9112 §3), skipping empty lines before it.
    mutating func stepRequestLine(_ input: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let end = input.count
        while cursor < end {
            let byte = input[cursor]
            switch state {
            case .lineStart:
                if byte == 0x0D {
                    state = .lineStartLF
                } else if ByteClass.isToken(byte) {
                    beginHead()
                    state = .method
                } else {
                    throw .bad(byte == 0x0A ? "bare LF before the request line" : "invalid character in method")
                }
            case .lineStartLF:
                guard byte == 0x0A else { throw .bad("expected LF after CR") }
                state = .lineStart
            case .method:
                guard let next = try scan(input, while: ByteClass.isToken) else { return }
                guard next == 0x20 else { throw .bad("invalid character in method") }
                head.methodEnd = cursor - head.start
                state = .targetStart
            case .targetStart:
                head.targetStart = cursor - head.start
                if byte == 0x20 {
                    head.targetEnd = head.targetStart
                    state = .version(0)
                } else {
                    guard ByteClass.isTargetByte(byte) else { throw .bad("invalid character in request-target") }
                    state = .target
                }
            case .target:
                guard let next = try scan(input, while: ByteClass.isTargetByte) else { return }
                if next == 0x20 {
                    head.targetEnd = cursor - head.start
                    state = .version(0)
                } else if next == 0x0D || next == 0x0A {
                    throw .bad("request line without an HTTP version (HTTP/0.9 is not served)")
                } else {
                    throw .bad("invalid character in request-target")
                }
            case .version(let position):
                try stepVersion(byte, position)
            case .requestLineLF:
                guard byte == 0x0A else { throw .bad("expected LF after the request line") }
                head.requestLineEnd = cursor + 1 - head.start
                state = .fieldStart
                cursor += 1
                return
            default:
                return
            }
            cursor += 1
            if state.isInHead, !state.isBetweenMessages, cursor - head.start > limits.maxRequestLineBytes {
                throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
            }
        }
    }

    /// Moves the cursor over bytes of a class in one loop (the method, the target) and returns the first other
    /// byte, or nil at the end of the input. Stops at the request-line limit just as stepping byte by byte would:
    /// a byte of the class at the limit is 414.
    private mutating func scan(_ input: UnsafeBufferPointer<UInt8>, while isInClass: (UInt8) -> Bool)
        throws(HTTPParseError) -> UInt8? {
        let stop = min(input.count, head.start + limits.maxRequestLineBytes + 1)
        var index = cursor
        while index < stop, isInClass(input[index]) { index += 1 }
        cursor = index
        guard index == stop else { return input[index] }
        if cursor - head.start <= limits.maxRequestLineBytes { return nil }
        throw HTTPParseError(.uriTooLong, "request line longer than \(limits.maxRequestLineBytes) bytes")
    }

    /// Checks one byte of `HTTP/DIGIT.DIGIT` as it arrives, so a bad version is refused without waiting for CRLF.
    private mutating func stepVersion(_ byte: UInt8, _ position: Int) throws(HTTPParseError) {
        let prefix: StaticString = "HTTP/"
        switch position {
        case 0..<5:
            guard byte == prefix.utf8Start[position] else { throw .bad("expected HTTP/ in the request line") }
        case 5, 7:
            guard let digit = ByteClass.hexValue(byte), digit < 10 else { throw .bad("invalid HTTP version") }
            if position == 5 { head.major = digit } else { head.minor = digit }
            if position == 7, head.major != 1 {
                throw HTTPParseError(.httpVersionNotSupported, "HTTP/\(head.major).\(digit) is not supported")
            }
        case 6:
            guard byte == UInt8(ascii: ".") else { throw .bad("invalid HTTP version") }
        default:
            guard byte == 0x0D else { throw .bad("expected CRLF after the HTTP version") }
            state = .requestLineLF
            return
        }
        state = .version(position + 1)
    }

    /// Starts a new head at the cursor.
    mutating func beginHead() {
        head.start = cursor
        head.fields.removeAll(keepingCapacity: true)
        head.inTrailers = false
        head.sawContentLength = false
        head.sawTransferEncoding = false
        fieldCount = 0
    }
}
