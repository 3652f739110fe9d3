#if canImport(Glibc)
import Glibc
#endif

/// A started program: its pid and the parent's ends of its standard streams.
public final class Child: @unchecked Sendable {
    // @unchecked: the descriptors are plain integers; callers use one stream from one thread at a time.
    public let pid: pid_t
    public let stdin: Int32
    public let stdout: Int32
    public let stderr: Int32

    init(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Sends a signal (SIGTERM by default).
    public func signal(_ number: Int32 = SIGTERM) { kill(pid, number) }

    /// Reads one line from standard output (blocking); nil at end of output.
    public func readLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(stdout, &byte, 1) == 1 {
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Waits for the program to end (blocking) and closes the streams; returns the exit status
    /// (128 + signal when a signal ended it).
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        for fd in [stdin, stdout, stderr] { close(fd) }
        let signalled = status & 0x7F
        return signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
    }
}

/// Feeds standard input, drains both outputs with poll, enforces the deadline, then reaps the child.
final class OutputPump: @unchecked Sendable {
    // @unchecked: used only by the thread it starts.
    let child: Child
    let input: [UInt8]
    let timeout: Duration?
    let done: @Sendable (ChildProcess.Output) -> Void

    init(child: Child, stdin: [UInt8], timeout: Duration?, done: @escaping @Sendable (ChildProcess.Output) -> Void) {
        self.child = child
        self.input = stdin
        self.timeout = timeout
        self.done = done
    }

    func start() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { context in
            let runner = Unmanaged<OutputPump>.fromOpaque(context!).takeRetainedValue()
            runner.done(runner.run())
            return nil
        }, context)
        pthread_detach(thread)
    }

    private func run() -> ChildProcess.Output {
        var offset = 0
        var stdinOpen = true
        if input.isEmpty { close(child.stdin); stdinOpen = false } else { _ = fcntl(child.stdin, F_SETFL, O_NONBLOCK) }
        var out: [UInt8] = [], err: [UInt8] = []
        var open: Set<Int32> = [child.stdout, child.stderr]
        let deadline = timeout.map { Self.now() + Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if stdinOpen { fds.append(pollfd(fd: child.stdin, events: Int16(POLLOUT), revents: 0)) }
            let wait = deadline.map { Int32(max(0, min(1000, ($0 - Self.now()) * 1000))) } ?? 1000
            _ = poll(&fds, nfds_t(fds.count), wait)
            if let deadline, Self.now() >= deadline, !timedOut {
                timedOut = true
                kill(child.pid, SIGKILL)
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == child.stdin && stdinOpen {
                    let written = input[offset...].withUnsafeBytes { write(child.stdin, $0.baseAddress, $0.count) }
                    if written > 0 { offset += written }
                    if written < 0 && errno != EAGAIN || offset >= input.count { close(child.stdin); stdinOpen = false }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == child.stdout { out += buffer[..<count] } else { err += buffer[..<count] }
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    open.remove(entry.fd)
                }
            }
        }
        if stdinOpen { close(child.stdin) }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
        close(child.stdout)
        close(child.stderr)
        let signalled = status & 0x7F
        return ChildProcess.Output(status: signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled, stdout: out, stderr: err,
                                   timedOut: timedOut)
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
