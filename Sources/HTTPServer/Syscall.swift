import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: its name and errno, captured at the throw site.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    public let call: String
    public let errno: Int32

    public var description: String { "\(call): \(String(cString: strerror(errno))) (errno \(errno))" }
}

/// The result of a non-blocking I/O call: bytes done, or "try again later".
enum IOResult: Equatable {
    case done(Int)
    case wouldBlock
}

/// System call wrappers: retry on EINTR, report EAGAIN as a value, throw anything else with its errno.
enum Syscall {
    /// Runs a call that returns -1 on failure, retrying EINTR.
    @discardableResult
    static func call(_ name: String, _ body: () -> Int32) throws -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            let error = sb_errno()
            if error == EINTR { continue }
            throw SystemError(call: name, errno: error)
        }
    }

    /// Runs a read/write-style call, retrying EINTR and turning EAGAIN into `.wouldBlock`.
    static func io(_ name: String, _ body: () -> Int) throws -> IOResult {
        while true {
            let result = body()
            if result >= 0 { return .done(result) }
            let error = sb_errno()
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { return .wouldBlock }
            throw SystemError(call: name, errno: error)
        }
    }

    /// Monotonic time in nanoseconds, for deadlines.
    static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
