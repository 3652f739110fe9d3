import Dispatch
import Foundation
import Gateway
import HTTPCore
import HTTPServer
import MockUpstream
#if canImport(Glibc)
import Glibc
#endif

/// `switchboard serve`: the gateway on one port, with its SQLite file and vault.
enum ServeCommand: Subcommand {
    static let name = "serve"
    static let summary = "Run the Switchboard gateway."

    static let host = OptionSpec(name: "host", valueName: "HOST", environmentVariable: "SWITCHBOARD_HOST",
                                 help: "Address to listen on (IP literal). Default 127.0.0.1.")
    static let port = OptionSpec(name: "port", valueName: "PORT", environmentVariable: "SWITCHBOARD_PORT",
                                 help: "Port to listen on; 0 picks a free one. Default 8080.")
    static let loops = OptionSpec(name: "loops", valueName: "N", environmentVariable: "SWITCHBOARD_LOOPS",
                                  help: "Event-loop threads. Default: the number of cores.")
    static let rateLimit = OptionSpec(name: "rate-limit", valueName: "N", environmentVariable: "SWITCHBOARD_RATE_LIMIT",
                                      help: "Requests per minute per key unless the key sets its own. Default 100.")
    static let profileOut = OptionSpec(
        name: "profile-out", valueName: "FILE", environmentVariable: "SWITCHBOARD_PROFILE_OUT",
        help: "Write fresh demo credentials as a profile for 'switchboard verify --profile'.")
    static let upstream = OptionSpec(
        name: "upstream", valueName: "MODE", environmentVariable: "SWITCHBOARD_UPSTREAM",
        help: "mock (default): providers are replayed by the embedded mock upstream; real: the providers' own hosts.")
    static let recordings = OptionSpec(name: "recordings", valueName: "DIR", environmentVariable: "SWITCHBOARD_RECORDINGS",
                                       help: "Recordings for the embedded mock upstream. Default Recordings.")
    static let breakerFailures = OptionSpec(name: "breaker-failures", valueName: "N", environmentVariable: "SWITCHBOARD_BREAKER_FAILURES",
                                            help: "Consecutive upstream failures that open a provider's breaker. Default 5.")
    static let breakerOpenSeconds = OptionSpec(name: "breaker-open-seconds", valueName: "S",
                                               environmentVariable: "SWITCHBOARD_BREAKER_OPEN_SECONDS",
                                               help: "Seconds an open breaker waits before a half-open probe. Default 30.")
    static let breakerSuccesses = OptionSpec(name: "breaker-successes", valueName: "N", environmentVariable: "SWITCHBOARD_BREAKER_SUCCESSES",
                                             help: "Successful probes that close a half-open breaker. Default 2.")
    static let node = OptionSpec(name: "node", valueName: "PATH", environmentVariable: "SWITCHBOARD_NODE",
                                 help: "Node.js executable for script callables. Default: node on PATH.")
    static let options = [host, port] + PlatformOptions.all
        + [loops, rateLimit, profileOut, upstream, recordings, breakerFailures, breakerOpenSeconds, breakerSuccesses, node]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let termination = TerminationSignal.install()
        let environment = ProcessInfo.processInfo.environment
        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let configuration = HTTPServerConfiguration(
            host: arguments.value(host) ?? "127.0.0.1",
            port: try arguments.integer(port, default: 8080, in: 0...65_535),
            loopCount: try arguments.integer(loops, default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64),
            log: log)
        let limit = try arguments.integer(rateLimit, default: 100, in: 1...1_000_000)
        let mode = arguments.value(upstream) ?? "mock"
        guard mode == "mock" || mode == "real" else { throw UsageError("--upstream must be mock or real, not '\(mode)'") }
        let nodePath = arguments.value(node)
        if let nodePath, !FileManager.default.isExecutableFile(atPath: nodePath) {
            throw UsageError("--node '\(nodePath)' is not an executable file")
        }
        var mock: MockUpstream?
        if mode == "mock" {
            let directory = arguments.value(recordings) ?? "Recordings"
            do {
                mock = try await MockUpstream.start(recordingsDirectory: directory)
            } catch {
                throw UsageError("cannot start the mock upstream from '\(directory)': \(error)")
            }
        }
        var options = PlatformOptions.make(arguments, environment: environment, rateLimit: limit)
        if let mock { options.upstreams = UpstreamDirectory.mock(baseURL: mock.baseURL) }
        options.breakerSettings = CircuitBreakers.Settings(
            failureThreshold: try arguments.integer(breakerFailures, default: 5, in: 1...1000),
            openDuration: TimeInterval(try arguments.integer(breakerOpenSeconds, default: 30, in: 0...86_400)),
            successThreshold: try arguments.integer(breakerSuccesses, default: 2, in: 1...1000))
        options.nodePath = nodePath
        let platform: Platform
        do {
            platform = try await Platform.open(options)
        } catch {
            throw UsageError("cannot open database '\(options.databasePath)': \(error)")
        }
        let sink = try SMTPSink()
        sink.start()
        let fresh = try await DemoBootstrap.isEmpty(platform)
        let workers = try await GatewayApp.startWorkers(platform: platform)
        let server = HTTPServer(configuration: configuration, responder: GatewayApp.makeRouter(platform: platform, log: log))
        do {
            try server.start()
        } catch {
            throw UsageError("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        say("Switchboard listening on \(server.baseURL) (database: \(PlatformOptions.databasePath(arguments)))")
        if let mock { say("Mock upstream replaying the providers at \(mock.baseURL) (journal: \(mock.baseURL)/_mock/journal)") }
        say("SMTP sink for email connectors at 127.0.0.1:\(sink.port)")
        if fresh, mock != nil { try await MockPlatformKeys.install(platform) }
        if fresh || arguments.value(profileOut) != nil {
            let credentials = try await DemoBootstrap.credentials(platform)
            if fresh { printWelcome(credentials, baseURL: server.baseURL) }
            if let path = arguments.value(profileOut) {
                try JSONValueFile.write(credentials.profile(baseURL: server.baseURL, mockBaseURL: mock?.baseURL), to: path)
                say("Profile written to \(path)")
            }
        }
        await termination.wait()
        say("Shutting down…")
        await server.shutdownGracefully(gracePeriod: .seconds(10))
        workers.forEach { $0.cancel() }
        platform.outbox.stop()
        sink.stop()
        await mock?.stop()
        return 0
    }

    /// Prints the demo credentials once, with ready-to-paste curl lines.
    static func printWelcome(_ credentials: DemoCredentials, baseURL: String) {
        say("""

            Created organization '\(credentials.organization.slug)' (\(credentials.organization.id)), \
            project \(credentials.project.id).
            These secrets are shown once; only their hashes are stored.

              API key:     \(credentials.apiKey.token)
              Admin token: \(credentials.adminToken)

            Try:
              curl \(baseURL)/healthz
              curl -H 'Authorization: Bearer \(credentials.adminToken)' \(baseURL)/admin/organizations
              curl -H 'Authorization: Bearer \(credentials.adminToken)' \(baseURL)/admin/organizations/\(credentials.organization.slug)/keys

            """)
    }
}

/// SIGINT and SIGTERM, caught from the moment `install()` runs, so an early signal is not lost or fatal.
final class TerminationSignal: @unchecked Sendable {
    // @unchecked: `fired`, `continuation` and `sources` are guarded by `lock`.
    private let lock = NSLock()
    private var fired = false
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    /// Starts catching the signals.
    static func install() -> TerminationSignal {
        let signalled = TerminationSignal()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { signalled.fire() }
            source.resume()
            signalled.lock.withLock { signalled.sources.append(source) }
        }
        return signalled
    }

    /// Suspends until a signal has arrived (returns at once if one already did).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock { () -> Bool in
                if fired { return true }
                self.continuation = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    private func fire() {
        let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            fired = true
            defer { continuation = nil }
            return continuation
        }
        pending?.resume()
    }
}
