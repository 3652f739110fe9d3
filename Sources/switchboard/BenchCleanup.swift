import ChildProcess
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a `switchboard bench …` action has started and must stop: each step runs once, last added first, at the end of the
/// run, on an error, or when SIGINT or SIGTERM arrives (the process then exits with 128 + the signal).
///
/// Signals are caught with a plain handler that writes the signal number to a pipe (async-signal-safe), read by a
/// thread of our own: a libdispatch signal source was seen to miss SIGTERM here, as the server's loop threads do
/// not block it.
final class BenchCleanup: Sendable {
    private struct State {
        var nextID = 0
        var steps: [(id: Int, run: @Sendable () -> Void)] = []
        var interrupted = false
    }

    private let state = Mutex(State())
    /// The command's name, for the interruption message.
    let command: String

    init(command: String) {
        self.command = command
    }

    /// Adds a step; returns its id, for `remove` once the step is no longer needed.
    @discardableResult
    func add(_ step: @escaping @Sendable () -> Void) -> Int {
        state.withLock { state in
            state.nextID += 1
            state.steps.append((state.nextID, step))
            return state.nextID
        }
    }

    /// Drops a step without running it (what it would stop has already stopped).
    func remove(_ id: Int) {
        state.withLock { $0.steps.removeAll { $0.id == id } }
    }

    /// Runs every pending step, newest first; a step added meanwhile runs too.
    func runAll() {
        while let step = state.withLock({ $0.steps.popLast() }) { step.run() }
    }

    /// Catches SIGINT and SIGTERM until `release`: on either, runs the steps, then exits with 128 + the signal.
    func catchSignals() {
        let pipe = signalPipe
        guard pipe.read >= 0 else { return }
        Thread.detachNewThread { [self] in
            var number: Int32 = 0
            while read(pipe.read, &number, MemoryLayout<Int32>.size) < 0 && errno == EINTR {}
            guard number > 0 else { return }
            state.withLock { $0.interrupted = true }
            printError("switchboard \(command): interrupted, stopping what it started")
            runAll()
            exit(128 + number)
        }
        for number in [SIGINT, SIGTERM] {
            signal(number) { number in
                var value = number
                _ = write(signalPipe.write, &value, MemoryLayout<Int32>.size)
            }
        }
    }

    /// Runs the remaining steps and restores the default signal handling. After a signal, the signal's thread
    /// finishes the cleanup and exits, so this waits for that instead.
    func release() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        while state.withLock({ $0.interrupted }) { sleep(1) }
        runAll()
        var stop: Int32 = 0
        _ = write(signalPipe.write, &stop, MemoryLayout<Int32>.size)
    }
}

/// The pipe from the signal handler to the cleanup thread (created before the handler is installed).
private let signalPipe: (read: Int32, write: Int32) = {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return (-1, -1) }
    return (ends[0], ends[1])
}()

/// A program the benchmark needs is not installed, or misbehaved: one line, exit status 1.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// The tool is missing; names the Debian package that provides it.
    static func missing(_ tool: String, package: String) -> BenchError {
        BenchError("\(tool) not found; install the Debian package '\(package)' (apt-get install -y \(package))")
    }
}

/// Finds an executable on PATH, then in the sbin folders (nginx lives in /usr/sbin, often not on a user's PATH).
func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init) + ["/usr/local/sbin", "/usr/sbin", "/sbin"]
    return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program to its end with no input; returns its exit status and its standard output and error, merged.
/// While it runs, `cleanup` knows to kill it. Uses `ChildProcess` (posix_spawn), not Foundation's `Process`.
func runProgram(_ executable: String, _ arguments: [String], cleanup: BenchCleanup) async throws -> (Int32, String) {
    let child = try ChildProcess.spawn(executable, arguments)
    // SIGKILL, as before: the child starts with default signal handling, but a kill must not be ignored.
    let step = cleanup.add { kill(child.pid, SIGKILL) }
    defer { cleanup.remove(step) }
    let (output, status) = await withCheckedContinuation { (done: CheckedContinuation<([UInt8], Int32), Never>) in
        Thread.detachNewThread {
            let output = readToEnd(child.stdout) + readToEnd(child.stderr)
            done.resume(returning: (output, child.wait()))
        }
    }
    return (status, String(decoding: output, as: UTF8.self))
}

/// Every byte until end of file (blocking).
func readToEnd(_ fd: Int32) -> [UInt8] {
    var all: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            all += buffer[..<count]
        } else if count == 0 || errno != EINTR {
            return all
        }
    }
}
