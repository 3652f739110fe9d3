import HTTPCore

/// The status line and header fields of the final response.
struct ResponseHead: Sendable {
    var status: HTTPStatus
    var version: HTTPVersion
    var headers: HTTPHeaders
}

/// Turns the header lines curl reports into the final response's head (RFC 9112 §4, §5).
///
/// curl reports every response of an exchange: interim 1xx ones and, when it follows them, redirects. Each
/// status line starts a new head; the head is final at its blank line unless it is interim or will be followed.
/// Lines after the final head (chunked trailers) are ignored.
struct ResponseHeadParser: Sendable {
    /// What a line meant.
    enum Action: Equatable {
        /// Nothing to do yet.
        case none
        /// The final head is complete: hand it to the caller.
        case deliver
    }

    let followsRedirects: Bool
    private(set) var status: HTTPStatus?
    private(set) var version = HTTPVersion.http1_1
    private(set) var fields: [(String, String)] = []
    /// True once the final head was delivered.
    private(set) var isDelivered = false
    /// True between the end of a head curl will follow and the next status line: its body is not ours.
    private(set) var isSkippingRedirect = false

    init(followsRedirects: Bool) {
        self.followsRedirects = followsRedirects
    }

    /// The head as parsed so far, when a status line was seen.
    var head: ResponseHead? {
        status.map { ResponseHead(status: $0, version: version, headers: HTTPHeaders(fields)) }
    }

    /// Consumes one line as curl hands it over, CRLF included.
    mutating func consume(_ line: UnsafeRawBufferPointer) -> Action {
        guard !isDelivered else { return .none }
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        let text = line[..<end]
        if text.starts(with: "HTTP/".utf8) {
            parseStatusLine(String(decoding: text, as: UTF8.self))
            return .none
        }
        guard let status else { return .none }
        if text.isEmpty { return endOfHead(status) }
        if text.first == 0x20 || text.first == 0x09, !fields.isEmpty {
            // Obsolete line folding (RFC 9112 §5.2): the continuation joins the previous value with a space.
            fields[fields.count - 1].1 += " " + String(decoding: text, as: UTF8.self).trimmingASCIIWhitespace()
        } else if let colon = text.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: text[..<colon], as: UTF8.self)
            let value = String(decoding: text[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
            fields.append((name, value))
        }
        return .none
    }

    /// Marks the current head delivered (used when body bytes arrive or the transfer ends first).
    mutating func markDelivered() {
        isDelivered = true
    }

    private mutating func endOfHead(_ status: HTTPStatus) -> Action {
        if status.code < 200 {
            self.status = nil
            fields.removeAll()
            return .none
        }
        let redirectCodes: Set<Int> = [300, 301, 302, 303, 307, 308]
        if followsRedirects, redirectCodes.contains(status.code),
           fields.contains(where: { $0.0.equalsIgnoringASCIICase("Location") }) {
            isSkippingRedirect = true
            return .none
        }
        isDelivered = true
        return .deliver
    }

    /// Parses `HTTP/1.1 200 OK` or `HTTP/2 200`; an unreadable code is kept as 0 rather than guessed.
    private mutating func parseStatusLine(_ line: String) {
        isSkippingRedirect = false
        fields.removeAll()
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        let versionText = parts[0].dropFirst(5)
        let numbers = versionText.split(separator: ".").compactMap { Int($0) }
        version = HTTPVersion(major: numbers.first ?? 1, minor: numbers.count > 1 ? numbers[1] : 0)
        let code = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let reason = parts.count > 2 ? parts[2].trimmingASCIIWhitespace() : ""
        status = HTTPStatus(code: code, reasonPhrase: reason.isEmpty ? nil : reason)
    }
}
