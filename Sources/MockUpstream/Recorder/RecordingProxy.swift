import Foundation
import HTTPClient
import HTTPCore
import HTTPServer
import Synchronization

/// Record mode: a proxy that forwards every request to the provider's real base URL with `HTTPClient`, streams
/// the answer back as it arrives, and writes each exchange as a recording with secrets redacted.
///
/// Clients use the proxy's base URL as the provider's (`http://127.0.0.1:PORT`, optionally with the provider
/// prefix, `…/openai`, so a mock base URL works unchanged).
public final class RecordingProxy: Sendable {
    /// Where the proxy listens and how it forwards.
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Settings of the outbound client (TLS, proxy, timeouts).
        public var client: HTTPClient.Configuration
        public var log: @Sendable (String) -> Void

        /// Loopback, port 0, the client's defaults, a quiet log.
        public init(host: String = "127.0.0.1", port: Int = 0, client: HTTPClient.Configuration = .init(),
                    log: @escaping @Sendable (String) -> Void = { _ in }) {
            self.host = host
            self.port = port
            self.client = client
            self.log = log
        }
    }

    private let server: HTTPServer
    private let client: HTTPClient
    private let progress: RecordingProgress

    private init(server: HTTPServer, client: HTTPClient, progress: RecordingProgress) {
        self.server = server
        self.client = client
        self.progress = progress
    }

    /// Starts a proxy for `provider` that forwards to `target` (e.g. `https://api.openai.com`) and writes
    /// recordings under `outputDirectory`.
    public static func start(provider: Provider, target: String, outputDirectory: String, options: Options = Options())
        async throws -> RecordingProxy {
        let client = HTTPClient(configuration: options.client)
        let progress = RecordingProgress()
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        let writer = RecordingWriter(provider: provider, target: trimmed,
                                     directory: URL(fileURLWithPath: outputDirectory))
        let forwarder = Forwarder(provider: provider, target: trimmed, client: client, writer: writer,
                                  progress: progress, log: options.log)
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: options.host, port: options.port,
                                                                       loopCount: 1, log: options.log),
                                responder: forwarder)
        try server.start()
        return RecordingProxy(server: server, client: client, progress: progress)
    }

    /// `http://host:port`.
    public var baseURL: String { server.baseURL }

    /// The files written so far, in order.
    public var writtenFiles: [String] { progress.files }

    /// Waits until every exchange in flight has been written (or `timeout` passes).
    public func waitUntilIdle(timeout: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + timeout
        while progress.inFlight > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Stops listening and closes the outbound client.
    public func stop() async {
        await server.shutdownGracefully(gracePeriod: .seconds(1))
        client.shutdown()
    }
}

/// Exchanges in flight and files written, shared by the proxy's handlers.
final class RecordingProgress: Sendable {
    private let state = Mutex<(inFlight: Int, files: [String])>((0, []))

    var inFlight: Int { state.withLock { $0.inFlight } }
    var files: [String] { state.withLock { $0.files } }

    func begin() { state.withLock { $0.inFlight += 1 } }

    func finish(file: String?) {
        state.withLock { state in
            state.inFlight -= 1
            if let file { state.files.append(file) }
        }
    }
}
