import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs with `posix_spawn`, reading their output with `poll`.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to Swift 6.3) can crash while it scans
/// `/proc/self/fd` (a 256-byte `d_name` over-read, fixed upstream in swift-corelibs-foundation #5472), and a
/// server or test process with many open sockets hits it; this small wrapper avoids Foundation entirely.
public enum ChildProcess {
    /// What a finished program produced.
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended it.
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: [UInt8]
        public let timedOut: Bool

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// A failure to start the program.
    public struct LaunchError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Runs a program to completion on its own thread, feeding `stdin`; kills it (SIGKILL) past `timeout`.
    public static func run(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil, stdin: [UInt8] = [],
        timeout: Duration? = nil
    ) async throws -> Output {
        let child = try spawn(path, arguments, environment: environment)
        return await withCheckedContinuation { continuation in
            let pump = OutputPump(child: child, stdin: stdin, timeout: timeout) { continuation.resume(returning: $0) }
            pump.start()
        }
    }

    /// Starts a program whose output the caller reads as it comes (a server, say).
    public static func spawn(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Child {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard sb_pipe_cloexec(&input) == 0, sb_pipe_cloexec(&output) == 0, sb_pipe_cloexec(&errors) == 0 else {
            throw LaunchError(description: "pipe2: errno \(errno)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT] { sigaddset(&defaults, signal) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env: [UnsafeMutablePointer<CChar>?]? = environment.map { values in
            values.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { env?.forEach { free($0) } }
        var pid: pid_t = 0
        let result = argv.withUnsafeBufferPointer { arguments in
            if let env {
                return env.withUnsafeBufferPointer {
                    posix_spawn(&pid, path, &actions, &attributes, arguments.baseAddress!, $0.baseAddress!)
                }
            }
            return posix_spawn(&pid, path, &actions, &attributes, arguments.baseAddress!, environ)
        }
        close(input[0]); close(output[1]); close(errors[1])
        guard result == 0 else {
            close(input[1]); close(output[0]); close(errors[0])
            throw LaunchError(description: "posix_spawn \(path): \(String(cString: strerror(result)))")
        }
        return Child(pid: pid, stdin: input[1], stdout: output[0], stderr: errors[0])
    }
}
