import CSystem
import Foundation
import HTTPCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One thread running epoll over a listener and its connections (non-blocking sockets, edge-triggered for
/// connections: each is registered once for input and output, and read until the kernel has no more).
///
/// `@unchecked Sendable`: every mutable field is touched only on the loop's own thread, except `pending`,
/// which is behind a Mutex; other threads reach the loop only through `execute`.
final class EventLoop: @unchecked Sendable {
    static let wakeToken: UInt64 = .max
    static let listenerToken: UInt64 = .max - 1

    let shared: ServerShared
    let epollFD: Int32
    let wakeFD: Int32
    private let pending = Mutex<[@Sendable () -> Void]>([])
    var listener: ListeningSocket?
    /// Touched only on the loop's thread, never with overlapping accesses: no dynamic exclusivity check needed.
    @exclusivity(unchecked) var connections: [Int32: Connection] = [:]
    var nextConnectionID: UInt64 = 1
    var running = true
    var shutdownDeadline: UInt64?
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Monotonic nanoseconds, read once per wake-up: deadlines are whole seconds, so this is precise enough.
    var now: UInt64 = 0
    /// Connections with input still to read: more than one wake-up's share, or reading was just re-enabled.
    @exclusivity(unchecked) var readAgain: [Connection] = []
    /// The `Date: …\r\n` line, recomputed when the wall-clock second changes.
    var dateLine: [UInt8] = []
    var dateSecond = -1
    private let finished = DispatchSemaphore(value: 0)

    init(shared: ServerShared, listener: ListeningSocket) throws {
        self.shared = shared
        self.listener = listener
        epollFD = try Syscall.call("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        wakeFD = try Syscall.call("eventfd") { eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        try Syscall.call("epoll_ctl(eventfd)") {
            sb_epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, EPOLLIN.rawValue, Self.wakeToken)
        }
        try Syscall.call("epoll_ctl(listener)") {
            sb_epoll_ctl(epollFD, EPOLL_CTL_ADD, listener.fd, EPOLLIN.rawValue, Self.listenerToken)
        }
    }

    deinit {
        readBuffer.deallocate()
        close(epollFD)
        close(wakeFD)
    }

    /// Runs `work` on the loop's thread soon. Safe from any thread.
    func execute(_ work: @escaping @Sendable () -> Void) {
        pending.withLock { $0.append(work) }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Starts the loop's thread.
    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "switchboard-loop"
        thread.start()
    }

    /// Blocks until the loop's thread has ended.
    func waitUntilFinished() { finished.wait() }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        let timeout = Int32(max(1, shared.configuration.sweepInterval.nanoseconds / 1_000_000))
        now = Syscall.monotonicNanoseconds()
        var nextSweep = now + shared.configuration.sweepInterval.nanoseconds
        while running {
            let wait = readAgain.isEmpty ? timeout : 0
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, 256, wait) }
            if count < 0 && sb_errno() != EINTR {
                shared.configuration.log("epoll_wait: \(SystemError(call: "epoll_wait", errno: sb_errno()))")
                break
            }
            now = Syscall.monotonicNanoseconds()
            for index in 0..<Int(max(0, count)) {
                let token = withUnsafePointer(to: &events[index]) { sb_epoll_data($0) }
                let flags = withUnsafePointer(to: &events[index]) { sb_epoll_events($0) }
                switch token {
                case Self.wakeToken: drainWakeups()
                case Self.listenerToken: acceptConnections()
                default: handleEvent(fd: Int32(truncatingIfNeeded: token), flags: flags)
                }
            }
            if !readAgain.isEmpty { readPending() }
            if now >= nextSweep {
                sweepDeadlines(now: now)
                nextSweep = now + shared.configuration.sweepInterval.nanoseconds
            }
        }
        for connection in Array(connections.values) { closeConnection(connection) }
        if let listener { close(listener.fd) }
    }

    private func drainWakeups() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
        let work = pending.withLock { queue -> [@Sendable () -> Void] in
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
        for item in work { item() }
    }

    /// The Date header line, recomputed once a second.
    func currentDateLine() -> [UInt8] {
        let second = time(nil)
        if second != dateSecond {
            dateSecond = second
            dateLine = HTTPResponseSerializer.dateLine(HTTPDate.format(unixTime: second))
        }
        return dateLine
    }
}
