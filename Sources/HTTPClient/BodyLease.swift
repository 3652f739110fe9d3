import HTTPCore

/// The response body stream's hold on its transfer: reading pulls from the buffer, releasing it early aborts.
final class BodyLease: Sendable {
    private let transfer: Transfer
    private let loop: CurlLoop

    init(transfer: Transfer, loop: CurlLoop) {
        self.transfer = transfer
        self.loop = loop
    }

    deinit {
        abort()
    }

    /// Drops unread bytes and stops the transfer unless it has ended; later reads fail with `.cancelled`.
    func abort() {
        let ended = transfer.body.hasEnded
        transfer.body.close()
        if !ended { loop.submit(.cancel(transfer)) }
    }

    /// The next chunk of the body; resumes a paused transfer once the reader has caught up.
    func next() async throws -> [UInt8]? {
        try await transfer.body.next(
            resume: { [loop, transfer] in loop.submit(.resume(transfer)) },
            onCancel: { [loop, transfer] in loop.submit(.cancel(transfer)) }
        )
    }

    /// A single-pass stream over the body; the stream keeps the lease alive.
    func makeStream() -> HTTPBodyStream {
        HTTPBodyStream(unfolding: { [self] in try await next() })
    }
}
