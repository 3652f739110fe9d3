import Store

/// `UsageRepository` over the `usage_events` table.
struct SQLiteUsageRepository: UsageRepository {
    let database: Database

    func append(_ event: UsageEvent, at: String) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO usage_events (at, org_id, surface, provider, operation, status, latency_ms, prompt_tokens,
                                          completion_tokens, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(at), .text(event.organizationID), .text(event.surface), .text(event.provider),
                      .text(event.operation), .integer(Int64(event.status)), .integer(Int64(event.latencyMilliseconds)),
                      .integer(Int64(event.promptTokens)), .integer(Int64(event.completionTokens)), SQLValue(event.error)])
        }
    }

    func addTokens(organizationID: String, provider: String, operation: String, prompt: Int, completion: Int) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE usage_events SET prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?
                WHERE id = (SELECT MAX(id) FROM usage_events WHERE org_id = ? AND provider = ? AND operation = ?)
                """, [.integer(Int64(prompt)), .integer(Int64(completion)), .text(organizationID), .text(provider), .text(operation)])
        }
    }

    func report(organizationID: String, from: String, to: String) async throws -> UsageReport {
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
            return UsageReport(total: try Self.totals(total), byOperation: try groups.map { row in
                OperationUsage(provider: try row.require("provider"), operation: try row.require("operation"),
                               totals: try Self.totals(row))
            })
        }
    }

    private static func totals(_ row: Row?) throws -> UsageTotals {
        UsageTotals(requests: try row?.int("requests") ?? 0, errors: try row?.int("errors") ?? 0,
                    promptTokens: try row?.int("prompt_tokens") ?? 0, completionTokens: try row?.int("completion_tokens") ?? 0,
                    averageLatencyMilliseconds: try row?.double("avg_latency") ?? 0,
                    maxLatencyMilliseconds: try row?.int("max_latency") ?? 0)
    }
}
