import Synchronization

/// Response chunks between curl's write callback and the body's reader, bounded for backpressure.
///
/// The curl thread offers each chunk. While fewer than `limit` bytes wait (or none do) the chunk is kept;
/// otherwise the offer is refused and the transfer pauses. The reader takes chunks; once the backlog falls to
/// half the limit it is told to resume the transfer. A waiting reader gets the next chunk handed over directly.
final class ResponseBodyBuffer: Sendable {
    /// The answer to an offer.
    enum Offer: Equatable {
        case accepted
        /// The backlog is full: return `CURL_WRITEFUNC_PAUSE`.
        case paused
        /// The reader is gone: abort the transfer.
        case closed
    }

    private struct State {
        var chunks: [[UInt8]] = []
        var head = 0
        var bytes = 0
        var paused = false
        var ended = false
        var failure: HTTPClientError?
        var readerGone = false
        var waiter: CheckedContinuation<[UInt8]?, any Error>?
    }

    /// What the reader gets without waiting.
    private enum Ready {
        case chunk([UInt8], resume: Bool)
        case end
        case failure(HTTPClientError)
    }

    let limit: Int
    private let metrics: ClientMetrics
    private let state = Mutex(State())

    init(limit: Int, metrics: ClientMetrics) {
        self.limit = limit
        self.metrics = metrics
    }

    /// True once the transfer has ended, with or without an error.
    var hasEnded: Bool { state.withLock { $0.ended } }

    /// Offers bytes from the write callback (curl thread).
    func offer(_ bytes: UnsafeRawBufferPointer) -> Offer {
        enum Step {
            case handOff(CheckedContinuation<[UInt8]?, any Error>, [UInt8])
            case answer(Offer)
        }
        let step: Step = state.withLock { state in
            if state.readerGone { return .answer(.closed) }
            if let waiter = state.waiter {
                state.waiter = nil
                return .handOff(waiter, Array(bytes))
            }
            if state.bytes > 0, state.bytes + bytes.count > limit {
                state.paused = true
                return .answer(.paused)
            }
            state.chunks.append(Array(bytes))
            state.bytes += bytes.count
            metrics.buffered(bytes.count)
            return .answer(.accepted)
        }
        switch step {
        case .handOff(let waiter, let chunk):
            waiter.resume(returning: chunk)
            return .accepted
        case .answer(let offer):
            if offer == .paused { metrics.pauses.add(1, ordering: .relaxed) }
            return offer
        }
    }

    /// Records the end of the transfer (curl thread); the reader sees it after the chunks still buffered.
    func finish(_ failure: HTTPClientError?) {
        let waiter: CheckedContinuation<[UInt8]?, any Error>? = state.withLock { state in
            state.ended = true
            state.failure = failure
            defer { state.waiter = nil }
            return state.waiter
        }
        if let failure { waiter?.resume(throwing: failure) } else { waiter?.resume(returning: nil) }
    }

    /// Called when the body stream is released: buffered bytes are dropped and later offers refused.
    func close() {
        let dropped = state.withLock { state in
            state.readerGone = true
            defer { state.chunks.removeAll(); state.head = 0; state.bytes = 0 }
            return state.bytes
        }
        metrics.drained(dropped)
    }

    /// The next chunk, nil at the end; `resume` is called when the transfer should continue after a pause.
    func next(resume: @Sendable () -> Void, onCancel: @Sendable () -> Void) async throws -> [UInt8]? {
        if let ready = state.withLock({ takeReady(&$0) }) {
            return try deliver(ready, resume: resume)
        }
        let chunk: [UInt8]? = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Ready? = state.withLock { state in
                    if let ready = takeReady(&state) { return ready }
                    if state.readerGone { return .failure(.cancelled) }
                    state.waiter = continuation
                    return nil
                }
                switch ready {
                case .none:
                    break
                case .chunk(let chunk, let needsResume)?:
                    continuation.resume(returning: chunk)
                    if needsResume { resume() }
                case .end?:
                    continuation.resume(returning: nil)
                case .failure(let error)?:
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.readerGone = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: HTTPClientError.cancelled)
            onCancel()
        }
        return chunk
    }

    private func deliver(_ ready: Ready, resume: @Sendable () -> Void) throws -> [UInt8]? {
        switch ready {
        case .chunk(let chunk, let needsResume):
            if needsResume { resume() }
            return chunk
        case .end:
            return nil
        case .failure(let error):
            throw error
        }
    }

    private func takeReady(_ state: inout State) -> Ready? {
        if state.head < state.chunks.count {
            let chunk = state.chunks[state.head]
            state.chunks[state.head] = []
            state.head += 1
            if state.head == state.chunks.count {
                state.chunks.removeAll(keepingCapacity: true)
                state.head = 0
            }
            state.bytes -= chunk.count
            metrics.drained(chunk.count)
            let needsResume = state.paused && state.bytes <= limit / 2
            if needsResume { state.paused = false }
            return .chunk(chunk, resume: needsResume)
        }
        if state.ended { return state.failure.map { .failure($0) } ?? .end }
        return nil
    }
}
