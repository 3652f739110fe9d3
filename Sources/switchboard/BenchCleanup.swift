import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What `switchboard bench` has started and must stop: each step runs once, last added first, at the end of the
/// run, on an error, or when SIGINT or SIGTERM arrives (the process then exits with 128 + the signal).
final class BenchCleanup: Sendable {
    private struct State {
        var nextID = 0
        var steps: [(id: Int, run: @Sendable () -> Void)] = []
        var sources: [any DispatchSourceSignal] = []
    }

    private let state = Mutex(State())

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

    /// Catches SIGINT and SIGTERM until `release`: both run the steps, then exit.
    func catchSignals() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            state.withLock { state in
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in
                    printError("switchboard bench: interrupted, stopping what it started")
                    runAll()
                    exit(128 + number)
                }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Runs the remaining steps and restores the default signal handling.
    func release() {
        runAll()
        let sources = state.withLock { state in
            defer { state.sources = [] }
            return state.sources
        }
        sources.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

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
/// While it runs, `cleanup` knows to terminate it.
func runProgram(_ executable: String, _ arguments: [String], cleanup: BenchCleanup) async throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let step = cleanup.add { if process.isRunning { process.terminate() } }
    defer { cleanup.remove(step) }
    let reader = output.fileHandleForReading
    let data = await Task.detached { reader.readDataToEndOfFile() }.value
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
