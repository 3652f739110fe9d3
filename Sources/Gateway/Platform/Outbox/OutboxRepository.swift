/// A delivery the worker claimed: what to send, and how many attempts it has had.
public struct DueDelivery: Sendable {
    public var id: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var attempts: Int
    public var maxAttempts: Int
    public var backoffMilliseconds: Int

    public init(id: String, url: String, headers: [(String, String)], body: [UInt8], attempts: Int, maxAttempts: Int,
                backoffMilliseconds: Int) {
        self.id = id
        self.url = url
        self.headers = headers
        self.body = body
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.backoffMilliseconds = backoffMilliseconds
    }
}

/// The bookkeeping of one attempt: the delivery's new state.
public struct DeliveryAttempt: Sendable, Equatable {
    public var id: String
    /// pending (to retry), delivered or failed.
    public var status: String
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public var nextAttemptAt: String
    public var deliveredAt: String?

    public init(id: String, status: String, attempts: Int, lastStatus: Int?, lastError: String?, nextAttemptAt: String,
                deliveredAt: String?) {
        self.id = id
        self.status = status
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
    }
}

/// Where outbox deliveries persist, so a restart loses none.
public protocol OutboxRepository: Sendable {
    /// Stores a message as a pending delivery, due at once.
    func insert(_ message: OutboxMessage, id: String, at: String) async throws
    /// Makes deliveries a crash left `sending` pending again.
    func requeueInterrupted() async throws
    /// Up to `limit` pending deliveries due by `now`, soonest due first, each marked `sending` in the same step.
    func claimDue(now: String, limit: Int) async throws -> [DueDelivery]
    /// Records the outcome of an attempt.
    func save(_ attempt: DeliveryAttempt) async throws
    /// Deliveries of a subject (a webhook, a job), newest first.
    func records(subject: String, organizationID: String?) async throws -> [OutboxRecord]
    /// One delivery by id.
    func record(id: String) async throws -> OutboxRecord?
}
