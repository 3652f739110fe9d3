import CSystem
import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Reacts to readiness of a connection's socket.
    func handleEvent(fd: Int32, flags: UInt32) {
        guard let connection = connections[fd] else { return }
        if flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && flags & EPOLLIN.rawValue == 0 {
            closeConnection(connection)
            return
        }
        if flags & EPOLLOUT.rawValue != 0 {
            flush(connection)
            if connection.isClosed { return }
        }
        if flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 && connection.readingEnabled {
            if connection.phase == .lingering { discardInput(connection) } else { readAvailable(connection) }
        }
    }

    /// Drops whatever a lingering connection still sends; closes at its EOF or error.
    private func discardInput(_ connection: Connection) {
        for _ in 0..<16 {
            let count = read(connection.fd, readBuffer.baseAddress, readBuffer.count)
            if count > 0 { continue }
            if count < 0 && (sb_errno() == EAGAIN || sb_errno() == EINTR) { return }
            closeConnection(connection)
            return
        }
    }

    /// Reads what the socket has, then parses and dispatches as far as possible.
    private func readAvailable(_ connection: Connection) {
        var sawEOF = false
        for _ in 0..<4 {
            let result: IOResult
            do {
                result = try Syscall.io("read") { read(connection.fd, readBuffer.baseAddress, readBuffer.count) }
            } catch {
                closeConnection(connection)
                return
            }
            guard case .done(let count) = result else { break }
            if count == 0 {
                sawEOF = true
                break
            }
            connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
            if count < readBuffer.count { break }
        }
        processInput(connection)
        guard !connection.isClosed else { return }
        if sawEOF {
            if connection.phase == .responding {
                connection.closeAfterWrite = true
                setReading(connection, false)
            } else {
                closeConnection(connection)
            }
        } else if connection.phase == .responding && connection.parser.bufferedByteCount > 1 << 20 {
            setReading(connection, false)
        }
    }

    /// Parses buffered bytes into requests and starts handlers, one request at a time (pipelining in order).
    func processInput(_ connection: Connection) {
        while !connection.isClosed && connection.phase != .responding && connection.phase != .lingering
            && !connection.closeAfterWrite {
            let event: HTTPParserEvent?
            do {
                event = try connection.parser.next()
            } catch {
                respondToParseError(connection, error)
                return
            }
            guard let event else { break }
            switch event {
            case .head(let head):
                connection.requestHead = head
                connection.requestBody = []
                if connection.parser.expectsBody {
                    setPhase(connection, .readingBody)
                    if head.expectsContinue { connection.enqueue(HTTPResponseSerializer.continueResponse) }
                }
            case .body(let bytes):
                connection.requestBody.append(contentsOf: bytes)
            case .end:
                dispatch(connection)
            }
        }
        guard !connection.isClosed, connection.phase != .responding, connection.phase != .lingering else { return }
        if connection.parser.isReadingHead {
            if connection.phase != .readingHead { setPhase(connection, .readingHead) }
        } else if connection.requestHead == nil && connection.phase != .idle {
            setPhase(connection, .idle)
        }
        if !connection.outbound.isEmpty { flush(connection) }
    }

    /// Starts the handler for the request just completed; takes its response inline when it did not suspend.
    private func dispatch(_ connection: Connection) {
        guard let head = connection.requestHead else { return }
        connection.requestHead = nil
        setPhase(connection, .responding)
        if let early = earlyResponse(for: head) {
            writeResponse(connection, early, head: head, keepAlive: false)
            return
        }
        var request = HTTPRequest(head: head, body: .bytes(connection.requestBody),
                                  remoteAddress: connection.remoteAddress)
        request.attributes[RequestStartKey.self] = ContinuousClock.now
        connection.requestBody = []
        let handoff = ResponseHandoff()
        let shared = self.shared
        let connectionID = connection.id
        let fd = connection.fd
        Task.immediate { [self] in
            let response = await shared.responder.safeRespond(to: request, log: shared.configuration.log)
            if !handoff.finish(response) {
                execute { self.deliver(response, fd: fd, connectionID: connectionID, head: head) }
            }
        }
        if let response = handoff.takeInline() {
            writeResponse(connection, response, head: head, keepAlive: head.keepAlive && shutdownDeadline == nil)
        }
    }

    /// A response that arrived after its handler suspended.
    private func deliver(_ response: HTTPResponse, fd: Int32, connectionID: UInt64, head: HTTPRequestHead) {
        guard let connection = connections[fd], connection.id == connectionID, !connection.isClosed else { return }
        writeResponse(connection, response, head: head, keepAlive: head.keepAlive && shutdownDeadline == nil)
        if connection.phase != .responding && !connection.isClosed { processInput(connection) }
    }

    /// Requests the server refuses before any handler sees them.
    private func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse? {
        if head.target.isEmpty {
            return .json(#"{"error":"missing request-target"}"#, status: .badRequest)
        }
        let codings = head.headers.listValues(for: "Transfer-Encoding")
        if codings.count > 1 {
            return .json(#"{"error":"only the chunked transfer coding is supported"}"#, status: .notImplemented)
        }
        return nil
    }

    /// Answers a malformed request with its status and closes (RFC 9112 §2.2).
    private func respondToParseError(_ connection: Connection, _ error: HTTPParseError) {
        let body = #"{"error":"\#(error.reason.replacingOccurrences(of: "\"", with: "'"))"}"#
        let response = HTTPResponse.json(body, status: error.status)
        let head = HTTPRequestHead(method: .get, target: "/")
        setPhase(connection, .responding)
        writeResponse(connection, response, head: head, keepAlive: false)
    }

    /// Turns reading on or off (off while a large pipelined backlog waits for the current response).
    func setReading(_ connection: Connection, _ enabled: Bool) {
        guard connection.readingEnabled != enabled else { return }
        connection.readingEnabled = enabled
        updateInterest(connection)
    }

    /// Registers the connection's current read and write interests with epoll.
    func updateInterest(_ connection: Connection) {
        var events: UInt32 = EPOLLRDHUP.rawValue
        if connection.readingEnabled { events |= EPOLLIN.rawValue }
        if connection.writeInterest { events |= EPOLLOUT.rawValue }
        _ = sb_epoll_ctl(epollFD, EPOLL_CTL_MOD, connection.fd, events, UInt64(connection.fd))
    }
}

/// When the server finished reading a request (for latency metering by middleware).
public enum RequestStartKey: RequestAttributeKey {
    public typealias Value = ContinuousClock.Instant
}
