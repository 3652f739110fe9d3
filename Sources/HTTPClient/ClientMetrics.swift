import Synchronization

/// Counters the client keeps about itself, read by tests and the benchmark.
final class ClientMetrics: Sendable {
    /// Response bytes received from curl and not yet taken by readers, over all transfers.
    let bufferedBytes = Atomic<Int>(0)
    /// The highest `bufferedBytes` seen.
    let peakBufferedBytes = Atomic<Int>(0)
    /// Times a transfer was paused because its reader lagged.
    let pauses = Atomic<Int>(0)
    /// New connections curl opened (`CURLINFO_NUM_CONNECTS`, summed over finished transfers).
    let connectionsOpened = Atomic<Int>(0)
    /// Transfers added to the multi handle and not yet finished.
    let activeTransfers = Atomic<Int>(0)

    /// Records bytes entering a response buffer.
    func buffered(_ count: Int) {
        let now = bufferedBytes.add(count, ordering: .relaxed).newValue
        peakBufferedBytes.max(now, ordering: .relaxed)
    }

    /// Records bytes leaving a response buffer.
    func drained(_ count: Int) {
        bufferedBytes.subtract(count, ordering: .relaxed)
    }
}
