import JSONSchema
import Store

/// `OutboxRepository` over the `outbox` table; headers are kept as a JSON array of `[name, value]` pairs.
struct SQLiteOutboxRepository: OutboxRepository {
    let database: Database

    func insert(_ message: OutboxMessage, id: String, at: String) async throws {
        let headers = JSONValue.array(message.headers.map { [.string($0.0), .string($0.1)] }).serialized()
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO outbox (id, org_id, kind, subject, url, headers, body, status, max_attempts, backoff_ms,
                                    next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)
                """, [.text(id), SQLValue(message.organizationID), .text(message.kind), SQLValue(message.subject),
                      .text(message.url), .text(headers), .blob(message.body), .integer(Int64(message.maxAttempts)),
                      .integer(Int64(message.backoffMilliseconds)), .text(at), .text(at)])
        }
    }

    func requeueInterrupted() async throws {
        try await database.write { connection in
            try connection.execute("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
        }
    }

    func claimDue(now: String, limit: Int) async throws -> [DueDelivery] {
        let rows: [Row] = try await database.write { connection in
            let rows = try connection.query("""
                SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?
                """, [.text(now), .integer(Int64(limit))])
            for row in rows {
                try connection.execute("UPDATE outbox SET status = 'sending' WHERE id = ?", [.text(try row.require("id", as: String.self))])
            }
            return rows
        }
        return rows.compactMap(Self.delivery)
    }

    func save(_ attempt: DeliveryAttempt) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE outbox SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
                    delivered_at = ? WHERE id = ?
                """, [.text(attempt.status), .integer(Int64(attempt.attempts)), SQLValue(attempt.lastStatus.map(Int64.init)),
                      SQLValue(attempt.lastError), .text(attempt.nextAttemptAt), SQLValue(attempt.deliveredAt),
                      .text(attempt.id)])
        }
    }

    func records(subject: String, organizationID: String?) async throws -> [OutboxRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM outbox WHERE subject = ? AND org_id IS ? ORDER BY created_at DESC, id",
                                 [.text(subject), SQLValue(organizationID)]).map(Self.record)
        }
    }

    func record(id: String) async throws -> OutboxRecord? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM outbox WHERE id = ?", [.text(id)]).map(Self.record)
        }
    }

    /// A claimed row as a delivery; nil (and left `sending`) when its essentials are unreadable.
    private static func delivery(_ row: Row) -> DueDelivery? {
        guard let id = try? row.require("id", as: String.self), let url = try? row.require("url", as: String.self),
              let body = try? row.require("body", as: [UInt8].self) else { return nil }
        let pairs = (try? JSONValue(parsing: row.require("headers", as: String.self)))?.arrayValue ?? []
        let headers = pairs.compactMap { pair -> (String, String)? in
            guard let name = pair[0]?.stringValue, let value = pair[1]?.stringValue else { return nil }
            return (name, value)
        }
        return DueDelivery(id: id, url: url, headers: headers, body: body, attempts: (try? row.int("attempts")) ?? 0,
                           maxAttempts: (try? row.int("max_attempts")) ?? 1, backoffMilliseconds: (try? row.int("backoff_ms")) ?? 1000)
    }

    private static func record(_ row: Row) throws -> OutboxRecord {
        OutboxRecord(id: try row.require("id"), kind: try row.require("kind"), subject: try row.string("subject"),
                     url: try row.require("url"), status: try row.require("status"), attempts: try row.require("attempts"),
                     lastStatus: try row.int("last_status"), lastError: try row.string("last_error"),
                     createdAt: try row.require("created_at"), deliveredAt: try row.string("delivered_at"))
    }
}
