import HTTPCore

extension EventLoop {
    /// Consumes a streamed body on a task, handing each chunk to the loop and waiting while the socket is backed up.
    func startPump(_ stream: HTTPBodyStream, for connection: Connection, keepAlive: Bool) {
        let fd = connection.fd
        let connectionID = connection.id
        Task { [self] in
            var failure: (any Error)?
            do {
                for try await chunk in stream where !chunk.isEmpty {
                    try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
                        execute { self.acceptChunk(chunk, fd: fd, connectionID: connectionID, waiter: waiter) }
                    }
                }
            } catch {
                failure = error
            }
            let outcome = failure
            execute { self.endStream(fd: fd, connectionID: connectionID, keepAlive: keepAlive, failure: outcome) }
        }
    }

    /// Queues one chunk; the pump continues now, or once the queue drains below the low-water mark.
    private func acceptChunk(
        _ chunk: [UInt8], fd: Int32, connectionID: UInt64, waiter: CheckedContinuation<Void, any Error>
    ) {
        guard let connection = connections[fd], connection.id == connectionID, !connection.isClosed else {
            waiter.resume(throwing: ConnectionClosedError())
            return
        }
        if connection.streamChunked {
            var framed: [UInt8] = []
            framed.reserveCapacity(chunk.count + 12)
            HTTPResponseSerializer.writeChunk(chunk, into: &framed)
            connection.enqueue(framed)
        } else {
            var bytes = chunk
            if let remaining = connection.streamRemaining {
                if bytes.count > remaining { bytes = Array(bytes.prefix(remaining)) }
                connection.streamRemaining = remaining - bytes.count
            }
            connection.enqueue(bytes)
        }
        connection.streamWaiter = waiter
        flush(connection)
    }

    /// Resumes a waiting pump once the queue is below half the high-water mark.
    func resumeStreamIfDrained(_ connection: Connection) {
        // Checked for nil before taking: copying the optional continuation out goes through the runtime.
        guard connection.streamWaiter != nil, connection.output.count < Self.streamHighWater / 2,
              let waiter = connection.streamWaiter.take() else { return }
        waiter.resume()
    }

    /// Ends a streamed body: the last chunk, or a close when the stream failed or fell short of its length.
    private func endStream(fd: Int32, connectionID: UInt64, keepAlive: Bool, failure: (any Error)?) {
        guard let connection = connections[fd], connection.id == connectionID, !connection.isClosed else { return }
        let shortOfLength = (connection.streamRemaining ?? 0) > 0
        if let failure, !(failure is ConnectionClosedError) {
            shared.configuration.log("response stream failed: \(failure)")
        }
        if failure is ConnectionAbort {
            abortConnection(connection)
            return
        }
        if failure != nil || shortOfLength {
            // The framing cannot say "failed": closing without the last chunk tells the client (RFC 9112 §8).
            connection.closeAfterWrite = true
            setPhase(connection, .idle)
            flush(connection)
            return
        }
        if connection.streamChunked { connection.enqueue(HTTPResponseSerializer.lastChunk) }
        connection.streamRemaining = nil
        connection.streamChunked = false
        finishResponse(connection, keepAlive: keepAlive)
        if !connection.isClosed && !connection.closeAfterWrite { processInput(connection) }
    }
}
