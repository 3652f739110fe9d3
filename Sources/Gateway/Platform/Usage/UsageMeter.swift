import Foundation
import JSONSchema
import Store

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
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends an event.
    public func record(_ event: UsageEvent) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO usage_events (at, org_id, surface, provider, operation, status, latency_ms, prompt_tokens,
                                          completion_tokens, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(Timestamp.now()), .text(event.organizationID), .text(event.surface), .text(event.provider),
                      .text(event.operation), .integer(Int64(event.status)), .integer(Int64(event.latencyMilliseconds)),
                      .integer(Int64(event.promptTokens)), .integer(Int64(event.completionTokens)), SQLValue(event.error)])
        }
    }

    /// Adds the tokens a provider reported (known only once its body was read) to the organization's latest
    /// event for that provider and operation.
    public func addTokens(organizationID: String, provider: String, operation: String, prompt: Int, completion: Int) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE usage_events SET prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?
                WHERE id = (SELECT MAX(id) FROM usage_events WHERE org_id = ? AND provider = ? AND operation = ?)
                """, [.integer(Int64(prompt)), .integer(Int64(completion)), .text(organizationID), .text(provider), .text(operation)])
        }
    }

    /// Totals and per provider/operation breakdown for an organization between two ISO-8601 times.
    public func summary(organizationID: String, from: String, to: String) async throws -> JSONValue {
        try await database.read { connection in
            let bindings: Bindings = [.text(organizationID), .text(from), .text(to)]
            let filter = "WHERE org_id = ? AND at >= ? AND at <= ?"
            let columns = """
                COUNT(*) AS requests, SUM(CASE WHEN status >= 400 OR error IS NOT NULL THEN 1 ELSE 0 END) AS errors,
                COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens, COALESCE(SUM(completion_tokens), 0) AS completion_tokens,
                COALESCE(AVG(latency_ms), 0) AS avg_latency, COALESCE(MAX(latency_ms), 0) AS max_latency
                """
            let total = try connection.queryOne("SELECT \(columns) FROM usage_events \(filter)", bindings)
            let groups = try connection.query(
                "SELECT provider, operation, \(columns) FROM usage_events \(filter) GROUP BY provider, operation ORDER BY provider, operation",
                bindings)
            var result = try Self.totals(total)
            result["from"] = .string(from)
            result["to"] = .string(to)
            result["byProvider"] = .array(try groups.map { row in
                var item = try Self.totals(row)
                item["provider"] = .string(try row.require("provider"))
                item["operation"] = .string(try row.require("operation"))
                return .object(item)
            })
            return .object(result)
        }
    }

    private static func totals(_ row: Row?) throws -> JSONObject {
        let prompt = try row?.int("prompt_tokens") ?? 0, completion = try row?.int("completion_tokens") ?? 0
        return [
            "requests": .number(JSONNumber(try row?.int("requests") ?? 0)),
            "errors": .number(JSONNumber(try row?.int("errors") ?? 0)),
            "tokens": ["prompt": .number(JSONNumber(prompt)), "completion": .number(JSONNumber(completion)),
                       "total": .number(JSONNumber(prompt + completion))],
            "latencyMs": ["average": .number(JSONNumber((try row?.double("avg_latency") ?? 0).rounded())),
                          "max": .number(JSONNumber(try row?.int("max_latency") ?? 0))],
        ]
    }
}
