/// The pieces of a streamed response body and the faults that reshape them, advanced one step at a time.
///
/// A value type stepped under a lock by `StreamCursor`; it never holds more than the recorded pieces (or one
/// reused buffer for a generated body), so a 100 MB body streams in flat memory.
struct StreamScript {
    enum Source {
        case pieces([(delay: Duration, bytes: [UInt8])])
        case generated(buffer: [UInt8], total: Int)
    }

    enum Step {
        /// `delay` is recorded time (scaled by the speed factor); `extra` is a fault's (never scaled).
        case chunk(delay: Duration, extra: Duration, bytes: [UInt8])
        case end
        /// Cut short: the server closes after what was sent (FIN), leaving the framing incomplete.
        case abort
        /// Reset: the server aborts the connection (RST).
        case reset
    }

    let source: Source
    var abortAtStart = false
    var truncateAt: Int?
    var cutAfterEvents: Int?
    var drip: (delay: Duration, bytes: Int)?

    private var index = 0
    private var offset = 0
    private var sentBytes = 0
    private var sentEvents = 0

    init(source: Source) {
        self.source = source
    }

    /// The current piece, or nil when the body is complete.
    private func piece() -> (delay: Duration, bytes: [UInt8], count: Int)? {
        switch source {
        case .pieces(let pieces):
            guard index < pieces.count else { return nil }
            return (pieces[index].delay, pieces[index].bytes, pieces[index].bytes.count)
        case .generated(let buffer, let total):
            guard sentBytes < total else { return nil }
            return (.zero, buffer, min(buffer.count, total - sentBytes + offset))
        }
    }

    /// The next thing to send.
    mutating func next() -> Step {
        if abortAtStart { return .reset }
        if let cut = cutAfterEvents, sentEvents >= cut, offset == 0 {
            return piece() == nil ? .end : .abort
        }
        guard let (pieceDelay, bytes, count) = piece() else { return .end }
        let delay = offset == 0 ? pieceDelay : .zero
        var end = count
        if let drip { end = min(end, offset + drip.bytes) }
        if let limit = truncateAt {
            let left = limit - sentBytes
            if left <= 0 { return .abort }
            end = min(end, offset + left)
        }
        let out = offset == 0 && end == bytes.count ? bytes : Array(bytes[offset..<end])
        sentBytes += end - offset
        offset = end
        if offset >= count {
            index += 1
            offset = 0
            sentEvents += 1
        }
        return .chunk(delay: delay, extra: drip?.delay ?? .zero, bytes: out)
    }
}
