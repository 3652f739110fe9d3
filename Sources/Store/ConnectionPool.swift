import Dispatch
import Synchronization

/// A connection paired with the serial queue it is confined to.
final class ConfinedConnection: @unchecked Sendable {
    // Justification: `connection` is used only on `queue`, by the one caller that checked it out of its pool.
    let connection: SQLConnection
    let queue: DispatchQueue

    init(connection: SQLConnection, queue: DispatchQueue) {
        self.connection = connection
        self.queue = queue
    }
}

/// A fixed set of connections lent out one caller at a time, first come first served.
///
/// Checking out never blocks: a caller either gets an idle connection at once or leaves a callback that
/// `checkIn` calls with the next free connection. Async callers therefore wait as suspended continuations,
/// not as blocked threads, and at most `count` threads ever run SQLite for this pool.
final class ConnectionPool: Sendable {
    typealias Waiter = @Sendable (ConfinedConnection) -> Void

    private struct State {
        var idle: [ConfinedConnection]
        var waiters: [Waiter] = []
        var head = 0

        mutating func popWaiter() -> Waiter? {
            guard head < waiters.count else { return nil }
            let waiter = waiters[head]
            head += 1
            if head == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 64, head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            return waiter
        }
    }

    /// Tags each queue of this pool, so a call from inside one of its own closures is caught, not deadlocked.
    static let marker = DispatchSpecificKey<ObjectIdentifier>()

    private let state: Mutex<State>
    let count: Int

    init(connections: [SQLConnection], label: String) {
        count = connections.count
        let confined = connections.enumerated().map { offset, connection in
            ConfinedConnection(connection: connection, queue: DispatchQueue(label: "\(label).\(offset)"))
        }
        state = Mutex(State(idle: confined))
        for item in confined {
            item.queue.setSpecific(key: Self.marker, value: ObjectIdentifier(self))
        }
    }

    /// Whether the current thread is running one of this pool's closures.
    var isCurrentQueue: Bool {
        DispatchQueue.getSpecific(key: Self.marker) == ObjectIdentifier(self)
    }

    /// Runs `body` on a free connection without blocking the caller's thread.
    func run<T: Sendable>(_ body: @escaping @Sendable (SQLConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let work: Waiter = { confined in
                confined.queue.async {
                    let result = Result { try body(confined.connection) }
                    self.checkIn(confined)
                    continuation.resume(with: result)
                }
            }
            if let confined = checkOut(orEnqueue: work) {
                work(confined)
            }
        }
    }

    /// Runs `body` on a free connection, blocking the calling thread until one is free and `body` returns.
    func runBlocking<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        guard !isCurrentQueue else {
            throw StoreError(kind: .misuse, message: "re-entrant call from inside a read or write closure; "
                + "use the connection passed to the closure")
        }
        let handoff = Handoff()
        let confined = checkOut(orEnqueue: { handoff.deliver($0) }) ?? handoff.wait()
        defer { checkIn(confined) }
        return try confined.queue.sync { try body(confined.connection) }
    }

    /// Takes an idle connection, or queues `waiter` to receive the next one and returns nil.
    private func checkOut(orEnqueue waiter: @escaping Waiter) -> ConfinedConnection? {
        state.withLock { state in
            if let confined = state.idle.popLast() { return confined }
            state.waiters.append(waiter)
            return nil
        }
    }

    /// Hands a connection to the longest-waiting caller, or returns it to the idle set.
    private func checkIn(_ confined: ConfinedConnection) {
        let waiter = state.withLock { state -> Waiter? in
            if let waiter = state.popWaiter() { return waiter }
            state.idle.append(confined)
            return nil
        }
        waiter?(confined)
    }
}

/// Passes one connection to a thread blocked in `runBlocking`.
private final class Handoff: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let slot = Mutex<ConfinedConnection?>(nil)

    func deliver(_ confined: ConfinedConnection) {
        slot.withLock { $0 = confined }
        semaphore.signal()
    }

    func wait() -> ConfinedConnection {
        while true {
            semaphore.wait()
            // `deliver` fills the slot before signalling, so the first pass finds it.
            if let confined = slot.withLock({ $0.take() }) { return confined }
        }
    }
}
