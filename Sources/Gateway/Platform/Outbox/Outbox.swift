import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSONSchema
import Synchronization

/// Persisted outgoing deliveries (webhooks, job callbacks): each message is a row before its first attempt;
/// a worker sends due rows, retries with exponential backoff and jitter, honours `Retry-After`, gives up on
/// 410 Gone or after the last attempt, and picks up where it left off after a restart.
public final class Outbox: Sendable {
    let repository: any OutboxRepository
    let http: HTTPClient
    let pollInterval: Duration
    private let worker = Mutex<Task<Void, Never>?>(nil)

    public init(repository: any OutboxRepository, http: HTTPClient, pollInterval: Duration = .milliseconds(200)) {
        self.repository = repository
        self.http = http
        self.pollInterval = pollInterval
    }

    /// Stores a message for delivery (the worker sends it on its next pass); returns the delivery id.
    @discardableResult
    public func enqueue(_ message: OutboxMessage, id: String = "dlv_" + SecureRandom.hexToken(bytes: 12)) async throws -> String {
        try await repository.insert(message, id: id, at: Timestamp.now())
        return id
    }

    /// Starts the delivery worker; rows left "sending" by a crash are made pending again first.
    public func start() async throws {
        try await repository.requeueInterrupted()
        let task = Task { [self] in await run() }
        worker.withLock { $0 = task }
    }

    /// Stops the worker (deliveries stay in the store).
    public func stop() {
        worker.withLock { $0?.cancel() }
    }

    /// Deliveries of a subject (a webhook, a job), newest first.
    public func records(subject: String, organizationID: String?) async throws -> [OutboxRecord] {
        try await repository.records(subject: subject, organizationID: organizationID)
    }

    /// One delivery by id.
    public func record(id: String) async throws -> OutboxRecord? {
        try await repository.record(id: id)
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
        let due = (try? await repository.claimDue(now: Timestamp.now(), limit: 32)) ?? []
        for delivery in due { Task { await self.attempt(delivery) } }
    }
}
