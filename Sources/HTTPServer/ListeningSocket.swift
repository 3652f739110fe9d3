import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// A bound, listening, non-blocking TCP socket.
struct ListeningSocket {
    let fd: Int32
    let port: Int

    /// Binds `host:port` (IPv4 or IPv6 literal, or "localhost"), with SO_REUSEPORT so each loop can have its own.
    static func bind(host: String, port: Int, backlog: Int32) throws -> ListeningSocket {
        let address = try SocketAddress(host: host, port: port)
        let fd = sb_socket_tcp(address.family)
        guard fd >= 0 else { throw SystemError(call: "socket", errno: sb_errno()) }
        do {
            try Syscall.call("setsockopt(SO_REUSEADDR)") { sb_setsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, 1) }
            try Syscall.call("setsockopt(SO_REUSEPORT)") { sb_setsockopt_int(fd, SOL_SOCKET, SO_REUSEPORT, 1) }
            _ = try address.withSockAddr { pointer, length in
                try Syscall.call("bind \(host):\(port)") { Glibc.bind(fd, pointer, length) }
            }
            try Syscall.call("listen") { listen(fd, backlog) }
            return ListeningSocket(fd: fd, port: try SocketAddress.localPort(of: fd))
        } catch {
            close(fd)
            throw error
        }
    }
}
