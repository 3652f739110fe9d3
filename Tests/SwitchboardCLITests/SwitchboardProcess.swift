import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `switchboard serve`, `mock` or `record`, whose first line of output names its address; killed by a
/// watchdog if a test never stops it. (`@unchecked`: `Child` is, and a `DispatchWorkItem` may be cancelled from any
/// thread.)
struct SwitchboardProcess: @unchecked Sendable {
    let child: Child
    let baseURL: String
    private let watchdog: DispatchWorkItem

    /// Starts the binary with `arguments`, in the test's environment without `SWITCHBOARD_*` plus `environment`.
    static func start(_ arguments: [String], environment: [String: String] = [:]) async throws -> SwitchboardProcess {
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWITCHBOARD_") }
        variables.merge(environment) { $1 }
        let child = try ChildProcess.spawn(try switchboardBinary().path, arguments, environment: variables)
        let watchdog = DispatchWorkItem { child.signal(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let firstLine = try await onThread { child.readLine() ?? "" }
        // serve and mock: "… listening on URL …"; record: "Recording P from TARGET into DIR/ through URL …".
        let words = firstLine.split(separator: " ")
        let after = words.firstIndex(of: "through").map { words.index(after: $0) } ?? words.startIndex
        guard let url = words[after...].first(where: { $0.hasPrefix("http://") }) else {
            child.signal(SIGKILL)
            watchdog.cancel()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no address in '\(firstLine)'"])
        }
        return SwitchboardProcess(child: child, baseURL: String(url), watchdog: watchdog)
    }

    /// SIGTERM, then the exit status.
    func stop() async throws -> Int32 {
        child.signal(SIGTERM)
        let status = try await onThread { child.wait() }
        watchdog.cancel()
        return status
    }
}
