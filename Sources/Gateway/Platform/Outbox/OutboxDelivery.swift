import JSONSchema

/// A message to POST, persisted before the first attempt so no restart loses it.
public struct OutboxMessage: Sendable {
    public var organizationID: String?
    /// What produced it ("webhook", "proxy-callback").
    public var kind: String
    /// What it belongs to (a webhook id, a job id), for listing deliveries.
    public var subject: String?
    public var url: String
    /// Headers sent on every attempt; signatures are computed once, so the delivery id and signature are
    /// the same on every retry.
    public var headers: [(String, String)]
    public var body: [UInt8]
    public var maxAttempts: Int
    /// The first retry's delay; each later one doubles, with up to 20 % jitter.
    public var backoffMilliseconds: Int

    public init(organizationID: String?, kind: String, subject: String?, url: String, headers: [(String, String)],
                body: [UInt8], maxAttempts: Int = 5, backoffMilliseconds: Int = 1000) {
        self.organizationID = organizationID
        self.kind = kind
        self.subject = subject
        self.url = url
        self.headers = headers
        self.body = body
        self.maxAttempts = max(1, maxAttempts)
        self.backoffMilliseconds = max(0, backoffMilliseconds)
    }
}

/// A delivery's state, as delivery logs show it.
public struct OutboxRecord: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var subject: String?
    public var url: String
    /// pending, sending, delivered or failed.
    public var status: String
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: String
    public var deliveredAt: String?

    public init(id: String, kind: String, subject: String?, url: String, status: String, attempts: Int,
                lastStatus: Int?, lastError: String?, createdAt: String, deliveredAt: String?) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.url = url
        self.status = status
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// The record as JSON for delivery logs.
    public var json: JSONValue {
        ["id": .string(id), "event": .string(kind), "url": .string(url), "status": .string(status),
         "attempts": .number(JSONNumber(attempts)), "responseStatus": lastStatus.map { .number(JSONNumber($0)) } ?? nil,
         "error": lastError.map(JSONValue.string) ?? nil, "createdAt": .string(createdAt),
         "deliveredAt": deliveredAt.map(JSONValue.string) ?? nil]
    }
}
