import HTTPCore
import HTTPServer
import Synchronization

/// A pull-driven body stream over a `StreamScript`: the server's pump asks for the next chunk only when the
/// socket has room, so there is no producer task and no buffering beyond one chunk.
final class StreamCursor: Sendable {
    private let script: Mutex<StreamScript>
    private let speed: Double

    init(_ script: StreamScript, speed: Double) {
        self.script = Mutex(script)
        self.speed = speed
    }

    /// The body stream; it ends early with `MockStreamCut` when a fault says so.
    func makeStream() -> HTTPBodyStream {
        HTTPBodyStream(unfolding: { [self] in try await self.next() })
    }

    private func next() async throws -> [UInt8]? {
        let step = script.withLock { $0.next() }
        switch step {
        case .end:
            return nil
        case .abort:
            throw MockStreamCut()
        case .reset:
            throw ConnectionAbort()
        case .chunk(let delay, let extra, let bytes):
            let wait = (speed > 0 ? delay * speed : .zero) + extra
            if wait > .zero { try await Task.sleep(for: wait) }
            return bytes
        }
    }
}

/// Ends a streamed body early on purpose (reset, truncate, cut-after-events); the server then closes the
/// connection without completing the framing, as RFC 9112 §8 prescribes for an incomplete message.
struct MockStreamCut: Error, CustomStringConvertible {
    var description: String { "mock fault: body cut short on purpose" }
}
