import HTTPCore
import HTTPServer

/// The mock upstream: one HTTP server replaying recorded exchanges of every provider under `/<provider>`,
/// with scenarios, faults and a journal (README, "Mock upstream").
///
/// ```swift
/// let mock = try await MockUpstream.start(recordingsDirectory: "Recordings", options: .init(speed: 0))
/// let openAI = mock.baseURL(for: .openai)   // http://127.0.0.1:PORT/openai
/// ```
public final class MockUpstream: Sendable {
    /// Every request received.
    public let journal: Journal
    /// The loaded recordings, in load order.
    public let recordings: [RecordingSummary]
    /// The options it was started with.
    public let options: Options
    private let server: HTTPServer
    private let state: ReplayState

    private init(server: HTTPServer, state: ReplayState, options: Options) {
        self.server = server
        self.state = state
        self.options = options
        journal = state.journal
        recordings = state.recordings.all.map(\.summary)
    }

    /// Loads the recordings (failing with `RecordingLoadError` on a bad file) and starts listening.
    public static func start(recordingsDirectory: String = "Recordings", options: Options = Options())
        async throws -> MockUpstream {
        let state = try makeState(recordingsDirectory: recordingsDirectory, options: options)
        let configuration = HTTPServerConfiguration(host: options.host, port: options.port,
                                                    loopCount: options.loopCount, log: options.log)
        let server = HTTPServer(configuration: configuration, responder: ReplayResponder(state: state))
        try server.start()
        return MockUpstream(server: server, state: state, options: options)
    }

    /// A responder that replays the recordings, for mounting the mock inside another server.
    public static func makeResponder(recordingsDirectory: String, options: Options = Options()) throws
        -> any HTTPResponder {
        ReplayResponder(state: try makeState(recordingsDirectory: recordingsDirectory, options: options))
    }

    private static func makeState(recordingsDirectory: String, options: Options) throws -> ReplayState {
        let recordings = try RecordingLoader.load(directory: recordingsDirectory)
        return ReplayState(recordings: RecordingSet(recordings), scenarios: ScenarioStates(), faults: ArmedFaults(),
                           journal: Journal(limit: options.journalLimit), speed: options.speed)
    }

    /// `http://host:port`.
    public var baseURL: String { server.baseURL }

    /// The bound port.
    public var port: Int { server.port ?? options.port }

    /// The base URL that stands in for one provider's real one, e.g. `http://127.0.0.1:PORT/openai`.
    public func baseURL(for provider: Provider) -> String { baseURL + provider.pathPrefix }

    /// Clears the journal, every scenario's state and every armed fault (`POST /_mock/reset`).
    public func reset() { state.reset() }

    /// Arms a fault (`latency=200ms`, `status=503`, …) for the next `count` requests that match.
    public func armFault(
        _ fault: String, provider: Provider? = nil, method: HTTPMethod? = nil, path: String? = nil, count: Int = 1
    ) throws {
        var template: PathTemplate?
        if let path {
            do { template = try PathTemplate(path) } catch { throw FaultParseError(item: path, reason: error.message) }
        }
        state.faults.arm(ArmedFaults.Entry(provider: provider, method: method, path: template,
                                           fault: try Fault(parsing: fault), remaining: max(1, count)))
    }

    /// Disarms every armed fault (`DELETE /_mock/faults`).
    public func clearFaults() { state.faults.clear() }

    /// The current state of a scenario (`started` until a recording moves it).
    public func scenarioState(_ name: String) -> String { state.scenarios.state(of: name) }

    /// Puts a scenario in a state.
    public func setScenario(_ name: String, state newState: String) { state.scenarios.set(name, to: newState) }

    /// Stops listening; in-flight responses get a short grace period.
    public func stop() async {
        await server.shutdownGracefully(gracePeriod: .milliseconds(500))
    }
}
