import Foundation
import JSONSchema

/// One metered upstream call.
public struct UsageEvent: Sendable {
    public var organizationID: String
    public var surface: String
    public var provider: String
    public var operation: String
    public var status: Int
    public var latencyMilliseconds: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var error: String?

    public init(organizationID: String, surface: String, provider: String, operation: String, status: Int,
                latencyMilliseconds: Int, promptTokens: Int = 0, completionTokens: Int = 0, error: String? = nil) {
        self.organizationID = organizationID
        self.surface = surface
        self.provider = provider
        self.operation = operation
        self.status = status
        self.latencyMilliseconds = latencyMilliseconds
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.error = error
    }
}

/// Records every upstream call per organization and summarizes them (seed 001's `/usage`).
public final class UsageMeter: Sendable {
    let repository: any UsageRepository

    public init(repository: any UsageRepository) {
        self.repository = repository
    }

    /// Appends an event.
    public func record(_ event: UsageEvent) async throws {
        try await repository.append(event, at: Timestamp.now())
    }

    /// Adds the tokens a provider reported (known only once its body was read) to the organization's latest
    /// event for that provider and operation.
    public func addTokens(organizationID: String, provider: String, operation: String, prompt: Int, completion: Int) async throws {
        try await repository.addTokens(organizationID: organizationID, provider: provider, operation: operation,
                                       prompt: prompt, completion: completion)
    }

    /// Totals and per provider/operation breakdown for an organization between two ISO-8601 times.
    public func summary(organizationID: String, from: String, to: String) async throws -> JSONValue {
        let report = try await repository.report(organizationID: organizationID, from: from, to: to)
        var result = Self.totals(report.total)
        result["from"] = .string(from)
        result["to"] = .string(to)
        result["byProvider"] = .array(report.byOperation.map { usage in
            var item = Self.totals(usage.totals)
            item["provider"] = .string(usage.provider)
            item["operation"] = .string(usage.operation)
            return .object(item)
        })
        return .object(result)
    }

    private static func totals(_ totals: UsageTotals) -> JSONObject {
        let prompt = totals.promptTokens, completion = totals.completionTokens
        return [
            "requests": .number(JSONNumber(totals.requests)),
            "errors": .number(JSONNumber(totals.errors)),
            "tokens": ["prompt": .number(JSONNumber(prompt)), "completion": .number(JSONNumber(completion)),
                       "total": .number(JSONNumber(prompt + completion))],
            "latencyMs": ["average": .number(JSONNumber(totals.averageLatencyMilliseconds.rounded())),
                          "max": .number(JSONNumber(totals.maxLatencyMilliseconds))],
        ]
    }
}
