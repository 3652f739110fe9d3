import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What every loop of one server shares: settings, the responder, and the connection count.
final class ServerShared: Sendable {
    let configuration: HTTPServerConfiguration
    /// The configuration's timeouts in nanoseconds, converted once (the request path sets deadlines twice).
    let timeouts: Timeouts
    let responder: any HTTPResponder
    let openConnections = Atomic<Int>(0)
    /// A spare descriptor, given up to accept-and-close when the process runs out (EMFILE).
    let spareDescriptor = Mutex<Int32>(-1)

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        timeouts = Timeouts(idle: configuration.idleTimeout.nanoseconds, head: configuration.headTimeout.nanoseconds,
                            body: configuration.bodyTimeout.nanoseconds, write: configuration.writeTimeout.nanoseconds)
        self.responder = responder
        spareDescriptor.withLock { $0 = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }

    deinit {
        spareDescriptor.withLock { if $0 >= 0 { close($0) } }
    }
}

/// Per-phase time limits in nanoseconds.
struct Timeouts: Sendable {
    let idle, head, body, write: UInt64
}
