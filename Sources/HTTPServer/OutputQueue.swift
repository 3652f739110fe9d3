#if canImport(Glibc)
import Glibc
#endif

/// The bytes a connection still has to write, in order: whole buffers queued as they are (large bodies, stream
/// chunks), then `tail`, where heads and small bodies are serialized. The tail keeps its capacity between
/// responses, so a keep-alive connection answering small responses allocates nothing to send them, and every
/// response produced in one wake-up (pipelining) leaves in one `write`.
struct OutputQueue {
    /// Bodies up to this size are copied into the tail; larger ones are queued as they are and sent by `writev`.
    static let copyLimit = 16 * 1024

    private var buffers: [[UInt8]] = []
    /// Where heads and small bodies are appended; written after every queued buffer.
    var tail: [UInt8] = []
    /// How much of the first pending piece (the first buffer, or the tail when there is none) is written.
    private var offset = 0
    /// Bytes not yet written.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Appends bytes: copied into the tail when small, else queued behind it without copying.
    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if bytes.count <= Self.copyLimit {
            tail.append(contentsOf: bytes)
        } else {
            if !tail.isEmpty {
                buffers.append(tail)
                tail = []
            }
            buffers.append(bytes)
        }
        count += bytes.count
    }

    /// Serializes into the tail; `body` returns after appending, and the count follows.
    mutating func appendToTail(_ body: (inout [UInt8]) -> Void) {
        let before = tail.count
        body(&tail)
        count += tail.count - before
    }

    /// Drops everything (the connection is closing).
    mutating func removeAll() {
        buffers.removeAll()
        tail.removeAll()
        offset = 0
        count = 0
    }

    /// Writes as much as the socket takes in one `write` (tail only) or `writev` call, and forgets what it wrote.
    mutating func write(to fd: Int32) throws -> IOResult {
        let result: IOResult
        if buffers.isEmpty {
            let start = offset
            result = try tail.withUnsafeBytes { bytes in
                try Syscall.io("write") { Glibc.write(fd, bytes.baseAddress! + start, bytes.count - start) }
            }
        } else {
            result = try writeVectors(to: fd)
        }
        if case .done(let written) = result { consume(written) }
        return result
    }

    private func writeVectors(to fd: Int32) throws -> IOResult {
        let pieces = Array(buffers.prefix(63)) + (tail.isEmpty || buffers.count > 63 ? [] : [tail])
        let vectors = UnsafeMutablePointer<iovec>.allocate(capacity: pieces.count)
        defer { vectors.deallocate() }
        func fill(_ index: Int) throws -> IOResult {
            guard index < pieces.count else {
                return try Syscall.io("writev") { writev(fd, vectors, Int32(pieces.count)) }
            }
            return try pieces[index].withUnsafeBytes { bytes in
                let skip = index == 0 ? offset : 0
                vectors[index] = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + skip),
                                       iov_len: bytes.count - skip)
                return try fill(index + 1)
            }
        }
        return try fill(0)
    }

    private mutating func consume(_ written: Int) {
        count -= written
        var left = written
        while left > 0, let first = buffers.first {
            let remaining = first.count - offset
            if left < remaining {
                offset += left
                return
            }
            left -= remaining
            buffers.removeFirst()
            offset = 0
        }
        offset += left
        if offset == tail.count {
            tail.removeAll(keepingCapacity: true)
            offset = 0
        }
    }
}
