import HTTPCore

/// The state of one accepted connection. Confined to its event loop's thread.
///
/// The properties mutated on every request are `@exclusivity(unchecked)`: only the loop's thread touches them and
/// no access overlaps another, so the runtime's dynamic exclusivity check would only cost time.
final class Connection {
    /// What the connection is waiting for, which decides the deadline that applies.
    enum Phase {
        /// Kept alive with nothing in progress: the idle deadline.
        case idle
        /// Part of a request head has arrived: the head deadline.
        case readingHead
        /// The head is complete, the body is arriving: the body deadline.
        case readingBody
        /// A handler is running or a response is being sent: no read deadline.
        case responding
        /// The response is sent and our side is shut down; input is read and dropped until the peer closes
        /// or the linger deadline passes, so unread input cannot turn the close into a reset that destroys
        /// the response before the client reads it.
        case lingering
    }

    let fd: Int32
    /// Unique per loop, so a late response for a reused fd is dropped.
    let id: UInt64
    let remoteAddress: String?
    @exclusivity(unchecked) var parser: HTTPRequestParser
    var phase: Phase = .idle
    var deadline: UInt64 = 0

    var requestHead: HTTPRequestHead?
    /// Whether the request in `requestHead` lets the connection stay open.
    var requestKeepsAlive = true
    @exclusivity(unchecked) var requestBody: [UInt8] = []

    /// Bytes waiting to be written.
    @exclusivity(unchecked) var output = OutputQueue()
    var writeProgressDeadline: UInt64 = 0

    /// Whether input is read (off while a large pipelined backlog waits for the current response). The socket
    /// stays registered for input and output, edge-triggered, so changing this costs no `epoll_ctl`.
    var readingEnabled = true
    /// The socket was full: waiting for it to become writable again (the write deadline applies).
    var writeInterest = false
    /// Close once the output is written.
    var closeAfterWrite = false
    /// Reset (RST) rather than close gracefully once the output is written (`ConnectionAbort`).
    var abortAfterWrite = false
    /// True while the loop parses and answers this connection's input: responses are written together after.
    var isProcessingInput = false
    var isClosed = false

    /// The stream pump waiting for the output to drain. Only the loop's thread touches it, like the other
    /// unchecked properties here, so the runtime's exclusivity check on every access is skipped.
    @exclusivity(unchecked) var streamWaiter: CheckedContinuation<Void, any Error>?
    /// Bytes a length-framed stream still owes; nil when the stream is chunked or close-delimited.
    var streamRemaining: Int?
    var streamChunked = false

    init(fd: Int32, id: UInt64, remoteAddress: String?, limits: HTTPParserLimits) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.parser = HTTPRequestParser(limits: limits)
    }

    /// Queues bytes for writing.
    func enqueue(_ bytes: [UInt8]) {
        output.append(bytes)
    }
}

/// The peer went away before the response was sent.
struct ConnectionClosedError: Error {}
