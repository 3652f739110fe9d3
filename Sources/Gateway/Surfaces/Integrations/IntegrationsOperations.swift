import Foundation
import HTTPCore
import JSONSchema

/// The handlers of seed 001's operational endpoints: status, breakers, usage, database.
struct IntegrationsOperations {
    let platform: Platform
    let startedAt: Date

    /// LLM providers of the execute endpoint and whether the platform has a key for each.
    static let llmProviders = ["openai", "huggingface"]

    func status() async throws -> JSONValue {
        let breakers = platform.breakers.snapshots(including: Self.llmProviders)
        var providers: [JSONValue] = []
        for name in Self.llmProviders {
            let configured = try await platform.credentials.find(organizationID: nil, scope: .platform, provider: name) != nil
            providers.append(["name": .string(name), "configured": .bool(configured)])
        }
        let open = breakers.filter { $0.state != .closed }.count
        let storage = platform.repositories.storage
        let store = try await storage.status()
        return ["status": .string(open == 0 ? "healthy" : open < breakers.count ? "degraded" : "unhealthy"),
                "uptimeSeconds": .number(JSONNumber(Int(Date().timeIntervalSince(startedAt)))),
                "providers": .array(providers), "circuitBreaker": breakerStatus(),
                "store": ["type": .string(storage.kind), "journalMode": .string(store.mode),
                          "isMemory": .bool(store.isMemory)]]
    }

    /// The reference's `CircuitBreakerStatus`: `{provider: {state, failures, lastFailure}}`, plus counters.
    func breakerStatus() -> JSONValue {
        var object = JSONObject()
        for breaker in platform.breakers.snapshots(including: UpstreamDirectory.providers) {
            object[breaker.provider] = [
                "state": .string(breaker.state.rawValue), "failures": .number(JSONNumber(breaker.consecutiveFailures)),
                "lastFailure": breaker.openedAt.map { .string(Timestamp.string(from: $0)) } ?? nil,
                "totalFailures": .number(JSONNumber(breaker.totalFailures)),
                "totalSuccesses": .number(JSONNumber(breaker.totalSuccesses)),
            ]
        }
        return .object(object)
    }

    /// Usage over `days` (default 30), or between `from` and `to`, optionally for one `integration`.
    func usage(_ request: HTTPRequest) async throws -> JSONValue {
        let principal = try request.principal()
        let now = Date()
        var from = Timestamp.string(from: now.addingTimeInterval(-30 * 86_400))
        var to = Timestamp.string(from: now)
        if let days = request.query("days") {
            guard let count = Int(days), (1...3650).contains(count) else {
                throw PlatformError.invalid("days must be a whole number from 1 to 3650")
            }
            from = Timestamp.string(from: now.addingTimeInterval(-Double(count) * 86_400))
        }
        for (name, value) in [("from", request.query("from")), ("to", request.query("to"))] {
            guard let value else { continue }
            guard let date = Timestamp.date(from: value) else { throw PlatformError.invalid("\(name) must be an ISO-8601 time") }
            if name == "from" { from = Timestamp.string(from: date) } else { to = Timestamp.string(from: date) }
        }
        var summary = try await platform.usage.summary(organizationID: principal.organization.id, from: from, to: to)
        if let integration = request.query("integration") {
            let rows = summary["byProvider"]?.arrayValue?.filter { $0["provider"]?.stringValue == integration } ?? []
            summary["byProvider"] = .array(rows)
        }
        summary["organizationId"] = .string(principal.organization.id)
        return summary
    }

    /// The reference's fields (`isMemory`, `persistsOnRestart`, `recommendation`) plus size, tables and rows.
    func databaseStatus() async throws -> JSONValue {
        let status = try await platform.repositories.storage.status()
        return [
            "isMemory": .bool(status.isMemory), "persistsOnRestart": .bool(!status.isMemory),
            "recommendation": .string(status.isMemory
                ? "Data lives in memory; POST /api/integrations/db/export to keep a copy, or start with --database FILE"
                : "Data is persisted in SQLite (WAL); exports are online backups"),
            "mode": .string(status.mode), "path": status.path.map(JSONValue.string) ?? nil,
            "sizeBytes": .number(JSONNumber(status.sizeBytes)),
            "schemaVersion": .number(JSONNumber(status.schemaVersion)),
            "tables": .array(status.tables.map { ["name": .string($0.name), "rows": .number(JSONNumber($0.rowCount))] }),
        ]
    }

    /// An online backup (SQLite backup API) into the exports folder beside the database.
    func export() async throws -> JSONValue {
        let folder = platform.repositories.storage.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? FileManager.default.temporaryDirectory
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let stamp = Timestamp.now().replacingOccurrences(of: ":", with: "-")
        let path = exports.appendingPathComponent("switchboard-export-\(stamp).sqlite").path
        do {
            let result = try await platform.repositories.storage.export(to: path)
            return ["success": true, "path": .string(result.path), "sizeBytes": .number(JSONNumber(result.sizeBytes)),
                    "message": .string("Database exported with the SQLite online backup API")]
        } catch {
            throw SurfaceError(.internalServerError, "Export failed: \(error)")
        }
    }
}
