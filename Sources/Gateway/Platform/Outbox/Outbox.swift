import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSONSchema
import Store
import Synchronization

/// Persisted outgoing deliveries (webhooks, job callbacks): each message is a row before its first attempt;
/// a worker sends due rows, retries with exponential backoff and jitter, honours `Retry-After`, gives up on
/// 410 Gone or after the last attempt, and picks up where it left off after a restart.
public final class Outbox: Sendable {
    let database: Database
    let http: HTTPClient
    let pollInterval: Duration
    private let worker = Mutex<Task<Void, Never>?>(nil)

    public init(database: Database, http: HTTPClient, pollInterval: Duration = .milliseconds(200)) {
        self.database = database
        self.http = http
        self.pollInterval = pollInterval
    }

    /// Stores a message for delivery (the worker sends it on its next pass); returns the delivery id.
    @discardableResult
    public func enqueue(_ message: OutboxMessage, id: String = "dlv_" + SecureRandom.hexToken(bytes: 12)) async throws -> String {
        let headers = JSONValue.array(message.headers.map { [.string($0.0), .string($0.1)] }).serialized()
        let now = Timestamp.now()
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO outbox (id, org_id, kind, subject, url, headers, body, status, max_attempts, backoff_ms,
                                    next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)
                """, [.text(id), SQLValue(message.organizationID), .text(message.kind), SQLValue(message.subject),
                      .text(message.url), .text(headers), .blob(message.body), .integer(Int64(message.maxAttempts)),
                      .integer(Int64(message.backoffMilliseconds)), .text(now), .text(now)])
        }
        return id
    }

    /// Starts the delivery worker; rows left "sending" by a crash are made pending again first.
    public func start() async throws {
        try await database.write { connection in
            try connection.execute("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
        }
        let task = Task { [self] in await run() }
        worker.withLock { $0 = task }
    }

    /// Stops the worker (deliveries stay in the store).
    public func stop() {
        worker.withLock { $0?.cancel() }
    }

    /// Deliveries of a subject (a webhook, a job), newest first.
    public func records(subject: String, organizationID: String?) async throws -> [OutboxRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM outbox WHERE subject = ? AND org_id IS ? ORDER BY created_at DESC, id",
                                 [.text(subject), SQLValue(organizationID)]).map(Self.record)
        }
    }

    /// One delivery by id.
    public func record(id: String) async throws -> OutboxRecord? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM outbox WHERE id = ?", [.text(id)]).map(Self.record)
        }
    }

    private func run() async {
        while !Task.isCancelled {
            await deliverDue()
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// Starts every due delivery, each on its own task, without waiting for them: a slow or unreachable receiver
    /// never holds up the others (rows being sent are marked `sending`, so the next pass skips them).
    func deliverDue() async {
        let due: [Row] = (try? await database.write { connection in
            let rows = try connection.query("""
                SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 32
                """, [.text(Timestamp.now())])
            for row in rows {
                try connection.execute("UPDATE outbox SET status = 'sending' WHERE id = ?", [.text(try row.require("id", as: String.self))])
            }
            return rows
        }) ?? []
        for row in due { Task { await self.attempt(row) } }
    }
}
