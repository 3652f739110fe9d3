extension MockUpstream {
    /// Where the mock listens and how it replays.
    public struct Options: Sendable {
        /// An IP literal; loopback by default.
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// Multiplies recorded chunk delays: 1 is real time, 0 sends every chunk at once (tests).
        public var speed: Double
        /// Event-loop threads.
        public var loopCount: Int
        /// Journal entries kept (the oldest are dropped beyond this).
        public var journalLimit: Int
        /// Where the server reports what it cannot answer with.
        public var log: @Sendable (String) -> Void

        /// Options for a mock on loopback; port 0, real-time streams, one loop, a quiet log.
        public init(
            host: String = "127.0.0.1", port: Int = 0, speed: Double = 1, loopCount: Int = 1,
            journalLimit: Int = 10_000, log: @escaping @Sendable (String) -> Void = { _ in }
        ) {
            self.host = host
            self.port = port
            self.speed = max(0, speed)
            self.loopCount = max(1, loopCount)
            self.journalLimit = max(1, journalLimit)
            self.log = log
        }
    }
}
