#if canImport(Glibc)
import Glibc
#endif

extension HTTPRequestParser {
    /// Parses a head that is wholly buffered and plain in straight loops, or returns nil having changed nothing.
    ///
    /// Plain: an ASCII request line of a registered method and HTTP/1.x, field lines with no framing field, and
    /// the whole head well inside every limit. For anything else (a partial head, a body to frame, a limit in
    /// reach, a byte the state machine would refuse or treat specially) the state machine parses from the same
    /// place, so this path accepts only heads the state machine accepts, with the same result, and reports no
    /// error of its own. It costs about a third of stepping through the states for a typical GET.
    mutating func parseWholePlainHead(_ input: UnsafeBufferPointer<UInt8>) -> HTTPRequestHead? {
        let start = cursor
        let limit = min(input.count, start + min(limits.maxRequestLineBytes, limits.maxHeaderBytes))
        var index = start
        while index < limit, ByteClass.isToken(input[index]) { index += 1 }
        guard index > start, index < limit, input[index] == 0x20 else { return nil }
        let methodEnd = index
        index += 1
        let targetStart = index
        guard let targetEnd = Self.find(0x20, in: input, from: index, to: limit), targetEnd > targetStart,
              Self.allVisibleASCII(input, targetStart, targetEnd) else { return nil }
        index = targetEnd + 1
        guard index + 10 <= limit, Self.isVersion1(input, at: index) else { return nil }
        let minor = Int(input[index + 7] &- 0x30)
        index += 10
        let requestLineEnd = index - start
        var spans: [HTTPHeaders.Span] = []
        spans.reserveCapacity(8)
        while true {
            guard index + 1 < limit else { return nil }
            if input[index] == 0x0D {
                guard input[index + 1] == 0x0A else { return nil }
                index += 2
                break
            }
            let nameStart = index
            while index < limit, ByteClass.isToken(input[index]) { index += 1 }
            guard index > nameStart, index < limit, input[index] == UInt8(ascii: ":") else { return nil }
            let nameEnd = index
            index += 1
            while index < limit, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
            let valueStart = index
            guard let lineEnd = Self.find(0x0D, in: input, from: index, to: limit), lineEnd + 1 < limit,
                  input[lineEnd + 1] == 0x0A, Self.allFieldValue(input, valueStart, lineEnd) else { return nil }
            var valueEnd = lineEnd
            while valueEnd > valueStart, input[valueEnd - 1] == 0x20 || input[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            index = lineEnd + 2
            let name = UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd])
            if ByteClass.equalsIgnoringCase(name, "content-length")
                || ByteClass.equalsIgnoringCase(name, "transfer-encoding") {
                return nil
            }
            spans.append(HTTPHeaders.Span(nameStart: nameStart - start, nameEnd: nameEnd - start,
                                          valueStart: valueStart - start, valueEnd: valueEnd - start))
            guard spans.count <= limits.maxHeaderCount else { return nil }
        }
        guard let method = HTTPMethod.registered(UnsafeBufferPointer(rebasing: input[start..<methodEnd])) else {
            return nil
        }
        let target = String(decoding: UnsafeBufferPointer(rebasing: input[targetStart..<targetEnd]), as: UTF8.self)
        let headers = HTTPHeaders(bytes: Array(input[start..<index]), spans: spans)
        let requestHead = HTTPRequestHead(method: method, target: target,
                                          version: HTTPVersion(major: 1, minor: minor), headers: headers)
        beginHead()
        head.methodEnd = methodEnd - start
        head.targetStart = targetStart - start
        head.targetEnd = targetEnd - start
        head.major = 1
        head.minor = minor
        head.requestLineEnd = requestLineEnd
        fieldCount = spans.count
        cursor = index
        keepAlive = requestHead.keepAlive
        state = .messageEnd
        return requestHead
    }

    /// The index of the first `byte` in `from..<to`, found by `memchr`.
    @inline(__always)
    private static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = input.baseAddress,
              let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// Whether every byte in `from..<to` is visible ASCII (0x21–0x7E), as `ByteClass.isTargetByte` allows on the
    /// fast path (no obs-text there).
    private static func allVisibleASCII(_ input: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        allBytesAllowed(in: input, from: from, to: to,
                        flagging: { hasByte($0, below: 0x21) | hasByte($0, above: 0x7E) },
                        allowing: { $0 &- 0x21 <= 0x5D })
    }

    /// Whether every byte in `from..<to` may stand in a field value, as `ByteClass.isFieldValue` says: HTAB, SP,
    /// visible ASCII or obs-text.
    private static func allFieldValue(_ input: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        allBytesAllowed(in: input, from: from, to: to,
                        flagging: { hasByte($0, below: 0x20) | hasByte($0, equalTo: 0x7F) },
                        allowing: ByteClass.isFieldValue)
    }

    /// Whether `allowing` accepts every byte in `from..<to`, checked eight bytes at a time.
    ///
    /// A word `flagging` finds nothing in is all allowed (the tests below never miss a byte, though they may flag
    /// a word wrongly); a flagged word and the tail are checked byte by byte.
    @inline(__always)
    private static func allBytesAllowed(in input: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                                        flagging: (UInt64) -> UInt64, allowing: (UInt8) -> Bool) -> Bool {
        guard let base = input.baseAddress else { return from == to }
        var index = from
        while index + 8 <= to {
            if flagging(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 {
                for offset in index..<index + 8 where !allowing(input[offset]) { return false }
            }
            index += 8
        }
        while index < to {
            guard allowing(input[index]) else { return false }
            index += 1
        }
        return true
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of the word is below `limit` (at most 128): Bit Twiddling Hacks' `hasless`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highBits
    }

    /// Non-zero when some byte of the word is above `limit` (at most 127): Bit Twiddling Hacks' `hasmore`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, above limit: UInt8) -> UInt64 {
        ((word &+ ones &* UInt64(127 - limit)) | word) & highBits
    }

    /// Non-zero when some byte of the word equals `value`: `hasless(word ^ value…, 1)`.
    @inline(__always)
    private static func hasByte(_ word: UInt64, equalTo value: UInt8) -> UInt64 {
        hasByte(word ^ ones &* UInt64(value), below: 1)
    }

    /// Whether `HTTP/1.<digit>\r\n` starts at the index (ten bytes are there).
    private static func isVersion1(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        input[index] == UInt8(ascii: "H") && input[index + 1] == UInt8(ascii: "T")
            && input[index + 2] == UInt8(ascii: "T") && input[index + 3] == UInt8(ascii: "P")
            && input[index + 4] == UInt8(ascii: "/")
            && input[index + 5] == UInt8(ascii: "1") && input[index + 6] == UInt8(ascii: ".")
            && input[index + 7] >= 0x30 && input[index + 7] <= 0x39
            && input[index + 8] == 0x0D && input[index + 9] == 0x0A
    }
}
