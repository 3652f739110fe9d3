import Dispatch
import Foundation
import HTTPCore
import HTTPServer
import Store
#if canImport(Glibc)
import Glibc
#endif

/// `switchboard serve`: the gateway on one port, with its SQLite file.
enum ServeCommand: Subcommand {
    static let name = "serve"
    static let summary = "Run the Switchboard gateway."

    static let host = OptionSpec(name: "host", valueName: "HOST", environmentVariable: "SWITCHBOARD_HOST",
                                 help: "Address to listen on (IP literal). Default 127.0.0.1.")
    static let port = OptionSpec(name: "port", valueName: "PORT", environmentVariable: "SWITCHBOARD_PORT",
                                 help: "Port to listen on; 0 picks a free one. Default 8080.")
    static let database = OptionSpec(name: "database", valueName: "FILE", environmentVariable: "SWITCHBOARD_DATABASE",
                                     help: "SQLite file (created if absent), or :memory:. Default switchboard.sqlite.")
    static let loops = OptionSpec(name: "loops", valueName: "N", environmentVariable: "SWITCHBOARD_LOOPS",
                                  help: "Event-loop threads. Default: the number of cores.")
    static let options = [host, port, database, loops]

    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let configuration = HTTPServerConfiguration(
            host: arguments.value(host) ?? "127.0.0.1",
            port: try arguments.integer(port, default: 8080, in: 0...65_535),
            loopCount: try arguments.integer(loops, default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
        let databasePath = arguments.value(database) ?? "switchboard.sqlite"
        let store: Database
        do {
            store = try Database(Database.Location(path: databasePath))
        } catch {
            throw UsageError("cannot open database '\(databasePath)': \(error)")
        }
        let server = HTTPServer(configuration: configuration, responder: GatewayRoutes.make(store: store))
        do {
            try server.start()
        } catch {
            throw UsageError("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        say("Switchboard listening on \(server.baseURL) (database: \(databasePath))")
        say("  curl \(server.baseURL)/healthz")
        await waitForTerminationSignal()
        say("Shutting down…")
        await server.shutdownGracefully(gracePeriod: .seconds(10))
        return 0
    }

    /// Suspends until SIGINT or SIGTERM.
    static func waitForTerminationSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let fired = SignalLatch(done)
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { fired.fire() }
                source.resume()
                fired.retain(source)
            }
        }
    }
}

/// Resumes a continuation once, whichever signal comes first, and keeps the signal sources alive.
final class SignalLatch: @unchecked Sendable {
    // @unchecked: both fields are guarded by `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func retain(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

    func fire() {
        let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        pending?.resume()
    }
}
