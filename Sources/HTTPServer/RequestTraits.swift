import HTTPCore

/// What writing a response needs to know of its request, kept instead of the whole head (whose copies retain
/// its strings and field buffers).
struct RequestTraits: Sendable {
    /// A HEAD request: the response's head is sent without its body (RFC 9110 §9.3.2).
    let isHead: Bool
    /// HTTP/1.1 or later: a body of unknown length may be chunked (RFC 9112 §7.1).
    let acceptsChunked: Bool
    /// Whether the connection may stay open after this exchange (RFC 9112 §9.3).
    let keepAlive: Bool

    init(_ head: HTTPRequestHead, keepAlive: Bool) {
        isHead = head.method == .head
        acceptsChunked = head.version.minor >= 1
        self.keepAlive = keepAlive
    }

    /// For a response the server sends on its own (a parse error, a timeout): GET over HTTP/1.1, then close.
    static let serverInitiated = RequestTraits(isHead: false, acceptsChunked: true, keepAlive: false)

    private init(isHead: Bool, acceptsChunked: Bool, keepAlive: Bool) {
        self.isHead = isHead
        self.acceptsChunked = acceptsChunked
        self.keepAlive = keepAlive
    }
}
