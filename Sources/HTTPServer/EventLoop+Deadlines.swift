import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Enters a phase and sets the deadline that goes with it (from the time of the current wake-up).
    func setPhase(_ connection: Connection, _ phase: Connection.Phase) {
        connection.phase = phase
        let timeouts = shared.timeouts
        switch phase {
        case .idle: connection.deadline = now + timeouts.idle
        case .readingHead: connection.deadline = now + timeouts.head
        case .readingBody: connection.deadline = now + timeouts.body
        case .responding: connection.deadline = 0
        case .lingering: connection.deadline = now + 2_000_000_000
        }
    }

    /// Closes idle connections, answers slow requests 408, and drops writes that made no progress.
    func sweepDeadlines(now: UInt64) {
        if let shutdownDeadline, now >= shutdownDeadline {
            for connection in Array(connections.values) { closeConnection(connection) }
            running = false
            return
        }
        for connection in Array(connections.values) where !connection.isClosed {
            if connection.writeInterest && now >= connection.writeProgressDeadline {
                closeConnection(connection)
                continue
            }
            guard connection.deadline != 0, now >= connection.deadline else { continue }
            switch connection.phase {
            case .idle:
                if connection.output.isEmpty { closeConnection(connection) }
            case .readingHead, .readingBody:
                let response = HTTPResponse.json(#"{"error":"request not received in time"}"#, status: .requestTimeout)
                setPhase(connection, .responding)
                writeResponse(connection, response, for: .serverInitiated, keepAlive: false)
            case .responding:
                break
            case .lingering:
                closeConnection(connection)
            }
        }
    }

    /// Stops accepting; closes idle connections now and the others after their current response.
    func beginShutdown(deadline: UInt64) {
        shutdownDeadline = deadline
        if let listener {
            close(listener.fd)
            self.listener = nil
        }
        for connection in Array(connections.values) {
            if connection.phase == .responding {
                continue  // its response is written with Connection: close
            } else if !connection.output.isEmpty {
                connection.closeAfterWrite = true
            } else {
                closeConnection(connection)
            }
        }
        if connections.isEmpty { running = false }
    }
}
