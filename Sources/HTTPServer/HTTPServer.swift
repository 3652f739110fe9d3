import CSystem
import Foundation
import HTTPCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server: epoll event loops on their own threads, each with a SO_REUSEPORT listener, handing
/// complete requests to an async responder (RFC 9110, RFC 9112).
///
/// Handlers start with `Task.immediate` on the loop thread: one that completes without suspending is answered
/// inline, with no thread hop; one that suspends posts its response back through the loop's queue.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let shared: ServerShared
    private let state = Mutex<LifecycleState>(.idle)

    private enum LifecycleState {
        case idle
        case running(loops: [EventLoop], port: Int)
        case stopped
    }

    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.shared = ServerShared(configuration: configuration, responder: responder)
        sb_ignore_sigpipe()
    }

    /// Binds the listeners and starts the loops; `port` is valid afterwards.
    public func start() throws {
        try state.withLock { state in
            guard case .idle = state else { throw SystemError(call: "start (already started)", errno: EINVAL) }
            var loops: [EventLoop] = []
            var port = configuration.port
            do {
                for _ in 0..<configuration.loopCount {
                    let listener = try ListeningSocket.bind(host: configuration.host, port: port,
                                                            backlog: configuration.backlog)
                    port = listener.port
                    loops.append(try EventLoop(shared: shared, listener: listener))
                }
            } catch {
                for loop in loops { if let listener = loop.listener { close(listener.fd) } }
                throw error
            }
            loops.forEach { $0.start() }
            state = .running(loops: loops, port: port)
        }
    }

    /// The bound port (the real one when configured with 0), or nil before `start`.
    public var port: Int? {
        state.withLock { state in
            if case .running(_, let port) = state { return port }
            return nil
        }
    }

    /// `http://host:port`, for clients in tests and for printing.
    public var baseURL: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port ?? configuration.port)"
    }

    /// Open connections across all loops.
    public var openConnectionCount: Int { shared.openConnections.load(ordering: .relaxed) }

    /// Stops accepting, lets in-flight requests finish until the grace period ends, then closes everything.
    /// Blocks until the loops have stopped.
    public func shutdown(gracePeriod: Duration = .seconds(5)) {
        let loops: [EventLoop] = state.withLock { state in
            guard case .running(let loops, _) = state else { return [] }
            state = .stopped
            return loops
        }
        let deadline = Syscall.monotonicNanoseconds() + gracePeriod.nanoseconds
        for loop in loops { loop.execute { loop.beginShutdown(deadline: deadline) } }
        for loop in loops { loop.waitUntilFinished() }
    }

    /// The same as `shutdown(gracePeriod:)`, without blocking the caller's thread.
    public func shutdownGracefully(gracePeriod: Duration = .seconds(5)) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { [self] in
                shutdown(gracePeriod: gracePeriod)
                done.resume()
            }
        }
    }
}
