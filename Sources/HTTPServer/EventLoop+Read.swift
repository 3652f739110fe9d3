import CSystem
import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Reads a wake-up's share of a connection's input: up to this many full buffers, then the rest later.
    static let readsPerWakeup = 4

    /// Reacts to readiness of a connection's socket.
    func handleEvent(fd: Int32, flags: UInt32) {
        guard let connection = connections[fd] else { return }
        if flags & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && flags & EPOLLIN.rawValue == 0 {
            closeConnection(connection)
            return
        }
        if flags & EPOLLOUT.rawValue != 0 && connection.writeInterest {
            flush(connection)
            if connection.isClosed { return }
        }
        if flags & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 && connection.readingEnabled {
            readInput(connection)
        }
    }

    /// Reads (or, while lingering, drops) what the socket has.
    func readInput(_ connection: Connection) {
        if connection.phase == .lingering { discardInput(connection) } else { readAvailable(connection) }
    }

    /// Reads input again for connections that were left with some (edge-triggered: no new event will come).
    func readPending() {
        let pending = readAgain
        readAgain.removeAll(keepingCapacity: true)
        for connection in pending where !connection.isClosed && connection.readingEnabled {
            readInput(connection)
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
        readAgain.append(connection)
    }

    /// Reads what the socket has, then parses and dispatches as far as possible. A short read means the socket
    /// is drained (the next byte to arrive raises a new edge), so a small request costs one `read`.
    private func readAvailable(_ connection: Connection) {
        var sawEOF = false
        var drained = false
        for _ in 0..<Self.readsPerWakeup {
            let result: IOResult
            do {
                result = try Syscall.io("read") { read(connection.fd, readBuffer.baseAddress, readBuffer.count) }
            } catch {
                closeConnection(connection)
                return
            }
            guard case .done(let count) = result else {
                drained = true
                break
            }
            if count == 0 {
                sawEOF = true
                break
            }
            connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
            if count < readBuffer.count {
                drained = true
                break
            }
        }
        processInput(connection)
        guard !connection.isClosed else { return }
        if sawEOF {
            if connection.phase == .responding {
                connection.closeAfterWrite = true
                connection.readingEnabled = false
            } else {
                closeConnection(connection)
            }
        } else if connection.phase == .responding && connection.parser.bufferedByteCount > 1 << 20 {
            connection.readingEnabled = false
        } else if !drained && connection.readingEnabled {
            readAgain.append(connection)
        }
    }

    /// Parses buffered bytes into requests and answers them, one request at a time (pipelining in order); the
    /// responses answered inline leave together in one write at the end.
    func processInput(_ connection: Connection) {
        connection.isProcessingInput = true
        parseAndDispatch(connection)
        connection.isProcessingInput = false
        if !connection.isClosed { flush(connection) }
    }

    private func parseAndDispatch(_ connection: Connection) {
        while !connection.isClosed && connection.phase != .responding && connection.phase != .lingering
            && !connection.closeAfterWrite {
            let event: HTTPParserEvent?
            do {
                event = try connection.parser.next()
            } catch {
                respondToParseError(connection, error)
                return
            }
            // Consumed, so the head moves into the connection instead of being copied (a copy retains its parts).
            switch consume event {
            case nil:
                return finishParsing(connection)
            case .head(let head)?:
                let expectsContinue = connection.parser.expectsBody && head.expectsContinue
                connection.requestHead = consume head
                connection.requestKeepsAlive = connection.parser.keepsAlive
                if !connection.requestBody.isEmpty { connection.requestBody = [] }
                if connection.parser.expectsBody {
                    setPhase(connection, .readingBody)
                    if expectsContinue { connection.enqueue(HTTPResponseSerializer.continueResponse) }
                }
            case .body(let bytes)?:
                connection.requestBody.append(contentsOf: bytes)
            case .end?:
                dispatch(connection)
            }
        }
        finishParsing(connection)
    }

    /// Sets the phase that waiting for more input means: reading a head, or idle between requests.
    private func finishParsing(_ connection: Connection) {
        guard !connection.isClosed, connection.phase != .responding, connection.phase != .lingering else { return }
        if connection.parser.isReadingHead {
            if connection.phase != .readingHead { setPhase(connection, .readingHead) }
        } else if connection.requestHead == nil && connection.phase != .idle {
            setPhase(connection, .idle)
        }
    }

    /// Answers the request just completed: inline when the responder answers without suspending, else on a
    /// task started with `Task.immediate` (taken inline too when it happened not to suspend).
    private func dispatch(_ connection: Connection) {
        guard let head = connection.requestHead.take() else { return }
        let traits = RequestTraits(head, keepAlive: connection.requestKeepsAlive)
        setPhase(connection, .responding)
        if let early = earlyResponse(for: head) {
            writeResponse(connection, early, for: traits, keepAlive: false)
            return
        }
        let body: HTTPBody = connection.requestBody.isEmpty ? .empty : .bytes(connection.requestBody)
        if !connection.requestBody.isEmpty { connection.requestBody = [] }
        let request = HTTPRequest(head: consume head, body: body, remoteAddress: connection.remoteAddress)
        let responder = shared.responder
        // The log is fetched on the paths that use it, not for every response written inline.
        var log: @Sendable (String) -> Void { shared.configuration.log }
        let work: @Sendable () async -> HandlerOutcome
        do {
            // Responses here are written straight from the switch: wrapping them again costs copies that go
            // through the runtime (a body may hold a stream, whose layout is only known at run time).
            switch try responder.respondImmediately(to: request) {
            case .response(let response):
                writeResponse(connection, response, for: traits, keepAlive: traits.keepAlive && shutdownDeadline == nil)
                return
            case .deferred(let rest):
                let request = request, log = log
                work = {
                    do { return .respond(try await rest()) } catch {
                        return HandlerOutcome(error: error, request: request, log: log)
                    }
                }
            case .unavailable:
                let request = request, log = log
                work = { await responder.safeRespond(to: request, log: log) }
            }
        } catch {
            complete(connection, HandlerOutcome(error: error, request: request, log: log), for: traits)
            return
        }
        startTask(work, for: connection, traits: traits)
    }

    /// Runs the part of a handler that may suspend; its outcome is taken inline when it did not.
    private func startTask(_ work: @escaping @Sendable () async -> HandlerOutcome, for connection: Connection,
                           traits: RequestTraits) {
        let handoff = ResponseHandoff()
        let connectionID = connection.id
        let fd = connection.fd
        Task.immediate { [self] in
            let outcome = await work()
            if !handoff.finish(outcome) {
                execute { self.deliver(outcome, fd: fd, connectionID: connectionID, traits: traits) }
            }
        }
        if let outcome = handoff.takeInline() { complete(connection, outcome, for: traits) }
    }

    /// Sends the response, or resets the connection.
    private func complete(_ connection: Connection, _ outcome: HandlerOutcome, for traits: RequestTraits) {
        switch outcome {
        case .respond(let response):
            writeResponse(connection, response, for: traits, keepAlive: traits.keepAlive && shutdownDeadline == nil)
        case .abort:
            abortConnection(connection)
        }
    }

    /// An outcome that arrived after its handler suspended.
    private func deliver(_ outcome: HandlerOutcome, fd: Int32, connectionID: UInt64, traits: RequestTraits) {
        guard let connection = connections[fd], connection.id == connectionID, !connection.isClosed else { return }
        complete(connection, outcome, for: traits)
        if connection.phase != .responding && !connection.isClosed { processInput(connection) }
    }

    /// Requests the server refuses before any handler sees them.
    private func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse? {
        if head.target.isEmpty {
            return .json(#"{"error":"missing request-target"}"#, status: .badRequest)
        }
        guard head.headers.contains("Transfer-Encoding") else { return nil }
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
        setPhase(connection, .responding)
        writeResponse(connection, response, for: .serverInitiated, keepAlive: false)
    }

    /// Turns reading on or off (off while a large pipelined backlog waits for the current response). Turning it
    /// back on reads what arrived meanwhile, as no new edge may come for it.
    func setReading(_ connection: Connection, _ enabled: Bool) {
        guard connection.readingEnabled != enabled else { return }
        connection.readingEnabled = enabled
        if enabled { readAgain.append(connection) }
    }
}
