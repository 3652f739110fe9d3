import HTTPCore

/// Settings of an HTTP server: where it listens, how many loops, and every limit and deadline.
public struct HTTPServerConfiguration: Sendable {
    /// An IP literal or "localhost".
    public var host: String
    /// 0 picks a free port (read it back from `HTTPServer.port`).
    public var port: Int
    /// Event-loop threads, each with its own SO_REUSEPORT listener.
    public var loopCount: Int
    public var backlog: Int32
    /// Open connections at most; more are answered 503 and closed.
    public var maxConnections: Int
    public var limits: HTTPParserLimits
    /// From the first byte of a request until its head is complete; then 408.
    public var headTimeout: Duration
    /// From the head until the body is complete; then 408.
    public var bodyTimeout: Duration
    /// A kept-alive connection with no request in progress is closed after this.
    public var idleTimeout: Duration
    /// A response that makes no write progress for this long is abandoned.
    public var writeTimeout: Duration
    /// Where the server reports what it cannot answer with (handler errors, accept failures).
    public var log: @Sendable (String) -> Void

    public init(
        host: String = "127.0.0.1", port: Int = 8080, loopCount: Int = 2, backlog: Int32 = 1024,
        maxConnections: Int = 10_000, limits: HTTPParserLimits = HTTPParserLimits(),
        headTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30),
        log: @escaping @Sendable (String) -> Void = { print($0) }
    ) {
        self.host = host
        self.port = port
        self.loopCount = max(1, loopCount)
        self.backlog = backlog
        self.maxConnections = maxConnections
        self.limits = limits
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.log = log
    }

    /// How often deadlines are checked: a quarter of the shortest one, between 5 ms and 250 ms.
    var sweepInterval: Duration {
        let shortest = [headTimeout, bodyTimeout, idleTimeout, writeTimeout].min() ?? .seconds(1)
        return min(max(shortest / 4, .milliseconds(5)), .milliseconds(250))
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
    }
}
