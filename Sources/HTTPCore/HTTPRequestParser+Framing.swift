extension HTTPRequestParser {
    /// Builds the head from its spans and decides how the body is framed (RFC 9112 §6.1–§6.3).
    mutating func finishHead(_ input: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPRequestHead {
        let base = head.start
        let headers = fields(input)
        let targetBytes = UnsafeBufferPointer(rebasing: input[base + head.targetStart..<base + head.targetEnd])
        // Most targets are ASCII, which is valid UTF-8 as it is; others are validated.
        let isASCII = targetBytes.allSatisfy { $0 < 0x80 }
        guard let target = isASCII ? String(decoding: targetBytes, as: UTF8.self)
            : String(validating: targetBytes, as: UTF8.self) else {
            throw .bad("request-target is not UTF-8")
        }
        let methodBytes = UnsafeBufferPointer(rebasing: input[base..<base + head.methodEnd])
        guard let method = HTTPMethod.registered(methodBytes) else {
            let name = String(decoding: methodBytes, as: UTF8.self)
            throw HTTPParseError(.notImplemented, "method \(name) is not recognized")
        }
        let requestHead = HTTPRequestHead(
            method: method,
            target: target,
            version: HTTPVersion(major: head.major, minor: head.minor),
            headers: headers)
        keepAlive = requestHead.keepAlive
        state = try bodyState(for: requestHead)
        return requestHead
    }

    /// The state that reads this request's body: chunked, a fixed length, or none.
    private mutating func bodyState(for head: HTTPRequestHead) throws(HTTPParseError) -> ParserState {
        // The field lines were classified as they arrived: most requests have neither framing field.
        if !self.head.sawContentLength && !self.head.sawTransferEncoding { return .messageEnd }
        let lengths = head.headers.values(for: "Content-Length")
        let hasTransferEncoding = head.headers.contains("Transfer-Encoding")
        if hasTransferEncoding {
            guard lengths.isEmpty else { throw .bad("Transfer-Encoding and Content-Length together") }
            guard head.version.minor >= 1 else { throw .bad("Transfer-Encoding in an HTTP/1.0 request") }
            try Self.validateTransferCodings(head.headers.listValues(for: "Transfer-Encoding"),
                                             raw: head.headers.values(for: "Transfer-Encoding"))
            self.head.chunkSize = 0
            self.head.chunkDigits = 0
            self.head.chunkExtensionBytes = 0
            self.head.bodyBytes = 0
            return .chunkSize
        }
        guard let first = lengths.first else { return .messageEnd }
        guard lengths.count == 1 else { throw .bad("more than one Content-Length") }
        let length = try Self.parseContentLength(first)
        if length > limits.maxBodyBytes {
            throw HTTPParseError(.payloadTooLarge, "body of \(length) bytes is over the limit of \(limits.maxBodyBytes)")
        }
        return length == 0 ? .messageEnd : .fixedBody(length)
    }

    /// Content-Length = 1*DIGIT (RFC 9110 §8.6); lists, signs, spaces inside and overflow are refused.
    static func parseContentLength(_ value: String) throws(HTTPParseError) -> Int {
        guard !value.isEmpty else { throw .bad("empty Content-Length") }
        var result = 0
        for byte in value.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { throw .bad("invalid character in Content-Length") }
            let (times, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !overflowA && !overflowB else { throw .bad("Content-Length overflow") }
            result = sum
        }
        return result
    }

    /// The final coding must be `chunked`, and `chunked` must appear only there (RFC 9112 §6.1).
    static func validateTransferCodings(_ codings: [String], raw: [String]) throws(HTTPParseError) {
        guard let last = codings.last, raw.allSatisfy({ !$0.trimmingASCIIWhitespace().isEmpty }) else {
            throw .bad("empty Transfer-Encoding")
        }
        func name(_ coding: String) -> String { coding.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingASCIIWhitespace() }
        for coding in codings {
            let codingName = name(coding)
            guard ByteClass.isToken(codingName.utf8) else {
                throw .bad("invalid Transfer-Encoding")
            }
        }
        guard name(last).equalsIgnoringASCIICase("chunked") else {
            throw .bad("Transfer-Encoding does not end in chunked")
        }
        guard codings.dropLast().allSatisfy({ !name($0).equalsIgnoringASCIICase("chunked") }) else {
            throw .bad("chunked applied more than once")
        }
    }
}
