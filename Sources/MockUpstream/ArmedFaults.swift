import HTTPCore
import Synchronization

/// Faults armed through the admin API or the Swift API, each for the next `count` matching requests.
final class ArmedFaults: Sendable {
    /// One armed fault and what it applies to (nil criteria match anything).
    struct Entry: Sendable {
        let provider: Provider?
        let method: HTTPMethod?
        let path: PathTemplate?
        let fault: Fault
        var remaining: Int
    }

    private let entries = Mutex<[Entry]>([])
    /// How many entries there are, read without the lock on the request path (usually none are armed).
    private let armed = Atomic<Int>(0)

    /// Arms a fault.
    func arm(_ entry: Entry) {
        entries.withLock { entries in
            entries.append(entry)
            armed.store(entries.count, ordering: .relaxed)
        }
    }

    /// Whether no fault is armed (read without the lock).
    var isEmpty: Bool { armed.load(ordering: .relaxed) == 0 }

    /// The faults still armed.
    var all: [Entry] { entries.withLock { $0 } }

    /// Disarms everything.
    func clear() {
        entries.withLock { entries in
            entries.removeAll()
            armed.store(0, ordering: .relaxed)
        }
    }

    /// Consumes one use of the first armed fault that applies to the request.
    func take(provider: Provider?, method: HTTPMethod, segments: [String]) -> Fault? {
        guard armed.load(ordering: .relaxed) > 0 else { return nil }
        return entries.withLock { entries in
            guard let index = entries.firstIndex(where: { entry in
                (entry.provider == nil || entry.provider == provider)
                    && (entry.method == nil || entry.method == method)
                    && (entry.path.map { $0.match(segments) != nil } ?? true)
            }) else { return nil }
            let fault = entries[index].fault
            entries[index].remaining -= 1
            if entries[index].remaining <= 0 {
                entries.remove(at: index)
                armed.store(entries.count, ordering: .relaxed)
            }
            return fault
        }
    }
}
