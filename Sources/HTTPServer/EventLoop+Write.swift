import CSystem
import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// A stream waits while this many bytes are queued, and resumes below half of it.
    static let streamHighWater = 256 * 1024

    /// Serializes a response head and, for in-memory bodies, the body; starts a pump for streamed bodies.
    func writeResponse(_ connection: Connection, _ response: HTTPResponse, for request: RequestTraits,
                       keepAlive: Bool) {
        let omitBody = request.isHead || response.status.forbidsBody
        var keepAlive = keepAlive
        switch response.body {
        case .empty:
            writeWhole(connection, response, bytes: [], omitBody: omitBody, keepAlive: keepAlive)
        case .bytes(let bytes):
            writeWhole(connection, response, bytes: bytes, omitBody: omitBody, keepAlive: keepAlive)
        case .stream(let stream):
            let declared = response.headers["Content-Length"].flatMap { Int($0) }
            let framing: HTTPResponseSerializer.Framing
            if response.status.forbidsBody {
                framing = .none
            } else if let declared {
                framing = .length(declared)
            } else if request.acceptsChunked {
                framing = .chunked
            } else {
                framing = .untilClose
                keepAlive = false
            }
            let dateLine = currentDateLine()
            connection.output.appendToTail { buffer in
                HTTPResponseSerializer.writeHead(response, framing: framing, keepAlive: keepAlive, dateLine: dateLine,
                                                 into: &buffer)
            }
            if omitBody {
                finishResponse(connection, keepAlive: keepAlive)
            } else {
                connection.streamRemaining = declared
                connection.streamChunked = framing == .chunked
                flush(connection)
                startPump(stream, for: connection, keepAlive: keepAlive)
            }
        }
    }

    /// Writes a response whose body is in memory (Content-Length framing) and finishes the exchange.
    private func writeWhole(
        _ connection: Connection, _ response: HTTPResponse, bytes: [UInt8], omitBody: Bool, keepAlive: Bool
    ) {
        let framing: HTTPResponseSerializer.Framing = response.status.forbidsBody ? .none : .length(bytes.count)
        let dateLine = currentDateLine()
        connection.output.appendToTail { buffer in
            HTTPResponseSerializer.writeHead(response, framing: framing, keepAlive: keepAlive, dateLine: dateLine,
                                             into: &buffer)
        }
        if !omitBody { connection.output.append(bytes) }
        finishResponse(connection, keepAlive: keepAlive)
    }

    /// Marks the exchange done: the connection closes after writing, or reads the next request. While the loop is
    /// answering a batch of pipelined requests, the write waits for the end of the batch.
    func finishResponse(_ connection: Connection, keepAlive: Bool) {
        if !keepAlive { connection.closeAfterWrite = true }
        setPhase(connection, .idle)
        if !connection.isProcessingInput { flush(connection) }
        if !connection.isClosed && !connection.closeAfterWrite && !connection.readingEnabled {
            setReading(connection, true)
        }
    }

    /// Resets the connection once what is queued is written (`ConnectionAbort`).
    func abortConnection(_ connection: Connection) {
        connection.abortAfterWrite = true
        connection.closeAfterWrite = true
        connection.readingEnabled = false
        setPhase(connection, .idle)
        if !connection.isProcessingInput { flush(connection) }
    }

    /// Writes queued bytes until done or the socket is full; then closes, resets or lingers if asked to.
    func flush(_ connection: Connection) {
        while !connection.output.isEmpty {
            let result: IOResult
            do {
                result = try connection.output.write(to: connection.fd)
            } catch {
                closeConnection(connection)
                return
            }
            guard case .done = result else {
                if !connection.writeInterest {
                    connection.writeInterest = true
                    connection.writeProgressDeadline = now + shared.timeouts.write
                }
                return
            }
            if connection.writeInterest {
                connection.writeProgressDeadline = now + shared.timeouts.write
            }
            resumeStreamIfDrained(connection)
        }
        connection.writeInterest = false
        resumeStreamIfDrained(connection)
        if connection.closeAfterWrite && connection.phase != .responding {
            if connection.abortAfterWrite { resetConnection(connection) } else { beginLingeringClose(connection) }
        }
    }

    /// Shuts down our side after the last byte is written, then drops input until the peer closes.
    func beginLingeringClose(_ connection: Connection) {
        guard connection.phase != .lingering, !connection.isClosed else { return }
        if shutdownDeadline != nil || Glibc.shutdown(connection.fd, Int32(SHUT_WR)) != 0 {
            closeConnection(connection)
            return
        }
        setPhase(connection, .lingering)
        connection.closeAfterWrite = false
        setReading(connection, true)
    }

    /// Closes with `SO_LINGER` {1, 0}: the kernel drops the connection with an RST instead of a FIN.
    func resetConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        closeConnection(connection)
    }
}
