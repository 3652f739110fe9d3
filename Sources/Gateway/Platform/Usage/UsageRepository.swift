/// Sums over a set of usage events.
public struct UsageTotals: Sendable, Equatable {
    public var requests: Int
    /// Events with a status of 400 or more, or an error.
    public var errors: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var averageLatencyMilliseconds: Double
    public var maxLatencyMilliseconds: Int

    public init(requests: Int, errors: Int, promptTokens: Int, completionTokens: Int, averageLatencyMilliseconds: Double,
                maxLatencyMilliseconds: Int) {
        self.requests = requests
        self.errors = errors
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.averageLatencyMilliseconds = averageLatencyMilliseconds
        self.maxLatencyMilliseconds = maxLatencyMilliseconds
    }
}

/// The sums of one provider's operation.
public struct OperationUsage: Sendable, Equatable {
    public var provider: String
    public var operation: String
    public var totals: UsageTotals

    public init(provider: String, operation: String, totals: UsageTotals) {
        self.provider = provider
        self.operation = operation
        self.totals = totals
    }
}

/// An organization's usage over a time range: overall, and per provider and operation.
public struct UsageReport: Sendable, Equatable {
    public var total: UsageTotals
    /// Ordered by provider, then operation.
    public var byOperation: [OperationUsage]

    public init(total: UsageTotals, byOperation: [OperationUsage]) {
        self.total = total
        self.byOperation = byOperation
    }
}

/// Where metered upstream calls persist.
public protocol UsageRepository: Sendable {
    /// Appends an event that happened at `at`.
    func append(_ event: UsageEvent, at: String) async throws
    /// Adds tokens to the organization's latest event for that provider and operation (none: nothing changes).
    func addTokens(organizationID: String, provider: String, operation: String, prompt: Int, completion: Int)
        async throws
    /// The organization's events between two ISO-8601 times (both included), summed.
    func report(organizationID: String, from: String, to: String) async throws -> UsageReport
}
