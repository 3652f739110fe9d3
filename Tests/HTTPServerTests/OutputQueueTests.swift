import Foundation
@testable import HTTPServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The output queue writes everything in order, whatever mix of small copies and large buffers it holds.
@Suite("Output queue")
struct OutputQueueTests {
    /// A connected pair of non-blocking stream sockets with small buffers, so writes come out partial.
    func socketPair() -> (Int32, Int32) {
        var ends: [Int32] = [-1, -1]
        _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends)
        for fd in ends { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var size: Int32 = 4096
        setsockopt(ends[0], SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        return (ends[0], ends[1])
    }

    func drain(_ fd: Int32, into received: inout [UInt8]) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            received += buffer[0..<count]
        }
    }

    @Test("small pieces, large buffers and the tail arrive in order through partial writes",
          arguments: [[10, 20_000, 5, 70_000, 3], [1, 2, 3], [100_000], [17_000, 17_000, 1]])
    func order(_ sizes: [Int]) throws {
        let (writer, reader) = socketPair()
        defer { close(writer); close(reader) }
        var queue = OutputQueue()
        var expected: [UInt8] = []
        for (index, size) in sizes.enumerated() {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            if index % 2 == 0 {
                queue.append(piece)
            } else {
                queue.appendToTail { $0.append(contentsOf: piece) }
            }
            expected += piece
        }
        #expect(queue.count == expected.count)
        var received: [UInt8] = []
        for _ in 0..<10_000 where !queue.isEmpty {
            _ = try queue.write(to: writer)
            drain(reader, into: &received)
        }
        drain(reader, into: &received)
        #expect(queue.isEmpty)
        #expect(received == expected)
    }
}
