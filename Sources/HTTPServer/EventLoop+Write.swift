import CSystem
import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Bodies up to this size are copied behind the head and sent in one write; larger ones go by writev.
    static let inlineBodyLimit = 16 * 1024
    /// A stream waits while this many bytes are queued, and resumes below half of it.
    static let streamHighWater = 256 * 1024

    /// Serializes a response head and, for in-memory bodies, the body; starts a pump for streamed bodies.
    func writeResponse(_ connection: Connection, _ response: HTTPResponse, head: HTTPRequestHead, keepAlive: Bool) {
        let omitBody = head.method == .head || response.status.forbidsBody
        var keepAlive = keepAlive
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        switch response.body {
        case .empty, .bytes:
            let bytes = response.body.bytes ?? []
            let framing: HTTPResponseSerializer.Framing = response.status.forbidsBody ? .none : .length(bytes.count)
            HTTPResponseSerializer.writeHead(response, framing: framing, keepAlive: keepAlive,
                                             date: currentDate(), into: &buffer)
            if !omitBody && bytes.count <= Self.inlineBodyLimit {
                buffer.append(contentsOf: bytes)
                connection.enqueue(buffer)
            } else {
                connection.enqueue(buffer)
                if !omitBody { connection.enqueue(bytes) }
            }
            finishResponse(connection, keepAlive: keepAlive)
        case .stream(let stream):
            let declared = response.headers["Content-Length"].flatMap { Int($0) }
            let framing: HTTPResponseSerializer.Framing
            if response.status.forbidsBody {
                framing = .none
            } else if let declared {
                framing = .length(declared)
            } else if head.version.minor >= 1 {
                framing = .chunked
            } else {
                framing = .untilClose
                keepAlive = false
            }
            HTTPResponseSerializer.writeHead(response, framing: framing, keepAlive: keepAlive,
                                             date: currentDate(), into: &buffer)
            connection.enqueue(buffer)
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

    /// Marks the exchange done: the connection closes after writing, or reads the next request.
    func finishResponse(_ connection: Connection, keepAlive: Bool) {
        if !keepAlive { connection.closeAfterWrite = true }
        setPhase(connection, .idle)
        flush(connection)
        if !connection.isClosed && !connection.closeAfterWrite && !connection.readingEnabled {
            setReading(connection, true)
        }
    }

    /// Writes queued bytes with writev until done or the socket is full.
    func flush(_ connection: Connection) {
        while !connection.outbound.isEmpty {
            let result: IOResult
            do {
                result = try writeQueued(connection)
            } catch {
                closeConnection(connection)
                return
            }
            guard case .done(var written) = result else {
                if !connection.writeInterest {
                    connection.writeInterest = true
                    connection.writeProgressDeadline = Syscall.monotonicNanoseconds()
                        + shared.configuration.writeTimeout.nanoseconds
                    updateInterest(connection)
                }
                return
            }
            connection.outboundBytes -= written
            connection.writeProgressDeadline = Syscall.monotonicNanoseconds()
                + shared.configuration.writeTimeout.nanoseconds
            while written > 0, let first = connection.outbound.first {
                let left = first.count - connection.outboundOffset
                if written >= left {
                    written -= left
                    connection.outbound.removeFirst()
                    connection.outboundOffset = 0
                } else {
                    connection.outboundOffset += written
                    written = 0
                }
            }
            resumeStreamIfDrained(connection)
        }
        if connection.writeInterest {
            connection.writeInterest = false
            updateInterest(connection)
        }
        resumeStreamIfDrained(connection)
        if connection.closeAfterWrite && connection.phase != .responding { beginLingeringClose(connection) }
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

    private func writeQueued(_ connection: Connection) throws -> IOResult {
        if connection.outbound.count == 1 {
            let offset = connection.outboundOffset
            return try connection.outbound[0].withUnsafeBytes { bytes in
                try Syscall.io("write") { write(connection.fd, bytes.baseAddress! + offset, bytes.count - offset) }
            }
        }
        let count = min(connection.outbound.count, 64)
        return try withVectors(connection.outbound[0..<count], offset: connection.outboundOffset) { vectors in
            try Syscall.io("writev") { writev(connection.fd, vectors, Int32(count)) }
        }
    }

    /// Points iovecs into the queued arrays, valid for the duration of `body` (each array stays borrowed).
    private func withVectors(
        _ buffers: ArraySlice<[UInt8]>, offset: Int, _ body: (UnsafePointer<iovec>) throws -> IOResult
    ) throws -> IOResult {
        let vectors = UnsafeMutablePointer<iovec>.allocate(capacity: buffers.count)
        defer { vectors.deallocate() }
        func fill(_ index: Int) throws -> IOResult {
            guard index < buffers.count else { return try body(vectors) }
            return try buffers[buffers.startIndex + index].withUnsafeBytes { bytes in
                let skip = index == 0 ? offset : 0
                vectors[index] = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + skip),
                                       iov_len: bytes.count - skip)
                return try fill(index + 1)
            }
        }
        return try fill(0)
    }
}
