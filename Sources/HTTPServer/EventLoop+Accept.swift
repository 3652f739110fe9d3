import CSystem
import HTTPCore
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// The response sent when the connection cap is reached.
    static let overloadResponse: [UInt8] = Array(
        ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 37\r\n"
            + "Connection: close\r\nRetry-After: 1\r\n\r\n{\"error\":\"too many open connections\"}").utf8)

    /// Accepts every pending connection; survives EINTR, ECONNABORTED and running out of descriptors.
    func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<128 {
            let fd = sb_accept_nonblocking(listener.fd)
            if fd < 0 {
                let error = sb_errno()
                switch error {
                case EINTR, ECONNABORTED, EPROTO, EPERM: continue
                case EAGAIN, EWOULDBLOCK: return
                case EMFILE, ENFILE: shedOneConnection(listener.fd); return
                default:
                    shared.configuration.log("accept: \(SystemError(call: "accept4", errno: error))")
                    return
                }
            }
            admit(fd)
        }
    }

    private func admit(_ fd: Int32) {
        let open = shared.openConnections.add(1, ordering: .relaxed).newValue
        let overloaded = open > shared.configuration.maxConnections
        _ = sb_setsockopt_int(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        let connection = Connection(fd: fd, id: nextConnectionID, remoteAddress: SocketAddress.peer(of: fd),
                                    limits: shared.configuration.limits)
        nextConnectionID += 1
        // Registered once, edge-triggered, for input and output: reading on or off and a full socket change
        // nothing in epoll (no epoll_ctl per request).
        let events = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
        guard sb_epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, events, UInt64(fd)) == 0 else {
            close(fd)
            shared.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        connections[fd] = connection
        if overloaded {
            setPhase(connection, .responding)
            connection.enqueue(Self.overloadResponse)
            connection.closeAfterWrite = true
            setPhase(connection, .idle)
            flush(connection)
        } else {
            setPhase(connection, .idle)
        }
    }

    /// Out of descriptors: free the spare, accept one connection and close it, so the backlog keeps moving.
    private func shedOneConnection(_ listenerFD: Int32) {
        shared.configuration.log("accept: out of file descriptors; shedding a connection")
        shared.spareDescriptor.withLock { spare in
            if spare >= 0 { close(spare) }
            let fd = sb_accept_nonblocking(listenerFD)
            if fd >= 0 { close(fd) }
            spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
    }

    /// Closes a connection and forgets it; a stream waiting on it is told.
    func closeConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connections[connection.fd] = nil
        close(connection.fd)
        shared.openConnections.subtract(1, ordering: .relaxed)
        connection.output.removeAll()
        if let waiter = connection.streamWaiter {
            connection.streamWaiter = nil
            waiter.resume(throwing: ConnectionClosedError())
        }
        if shutdownDeadline != nil && connections.isEmpty { running = false }
    }
}
