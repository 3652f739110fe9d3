import Synchronization

/// Chunks of a streamed request body between the task that reads the caller's stream and curl's read callback.
///
/// The producer waits while `limit` bytes are queued. The read callback copies what is queued; with nothing
/// queued it pauses the transfer, and the next push asks the curl thread to resume it.
final class UploadBuffer: Sendable {
    /// What the read callback should return.
    enum Read: Equatable {
        case bytes(Int)
        case pause
        case end
        case abort
    }

    private struct State {
        var chunks: [[UInt8]] = []
        var offset = 0
        var bytes = 0
        var finished = false
        var failed = false
        var closed = false
        var curlPaused = false
        var producer: CheckedContinuation<Void, Never>?

        /// Clears and returns the paused flag.
        mutating func takePause() -> Bool {
            defer { curlPaused = false }
            return curlPaused
        }
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    /// Copies queued bytes into curl's buffer (curl thread).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Read {
        let (read, producer): (Read, CheckedContinuation<Void, Never>?) = state.withLock { state in
            if state.failed { return (.abort, nil) }
            var copied = 0
            while copied < buffer.count, !state.chunks.isEmpty {
                let chunk = state.chunks[0]
                let count = min(buffer.count - copied, chunk.count - state.offset)
                chunk.withUnsafeBytes { source in
                    let slice = UnsafeRawBufferPointer(rebasing: source[state.offset..<state.offset + count])
                    UnsafeMutableRawBufferPointer(rebasing: buffer[copied...]).copyMemory(from: slice)
                }
                copied += count
                state.offset += count
                if state.offset == chunk.count {
                    state.chunks.removeFirst()
                    state.offset = 0
                }
            }
            state.bytes -= copied
            let producer = state.bytes < limit ? state.producer : nil
            if producer != nil { state.producer = nil }
            if copied > 0 { return (.bytes(copied), producer) }
            if state.finished { return (.end, producer) }
            state.curlPaused = true
            return (.pause, producer)
        }
        producer?.resume()
        return read
    }

    /// Queues a chunk, waiting while the queue is full; returns true when curl must be resumed.
    func push(_ chunk: [UInt8]) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let mustWait = state.withLock { state in
                guard !state.closed, state.bytes >= limit else { return false }
                state.producer = continuation
                return true
            }
            if !mustWait { continuation.resume() }
        }
        return state.withLock { state in
            guard !state.closed, !chunk.isEmpty else { return false }
            state.chunks.append(chunk)
            state.bytes += chunk.count
            return state.takePause()
        }
    }

    /// Marks the end of the caller's stream, or its failure; returns true when curl must be resumed.
    func finish(failed: Bool) -> Bool {
        state.withLock { state in
            state.finished = true
            state.failed = state.failed || failed
            return state.takePause()
        }
    }

    /// Called when the transfer ends: releases a waiting producer and drops what is queued.
    func close() {
        let producer = state.withLock { state in
            state.closed = true
            state.chunks.removeAll()
            state.bytes = 0
            defer { state.producer = nil }
            return state.producer
        }
        producer?.resume()
    }

    /// Whether the transfer ended; the producer then stops reading the caller's stream.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Whether the caller's stream threw.
    var hasFailed: Bool { state.withLock { $0.failed } }
}
