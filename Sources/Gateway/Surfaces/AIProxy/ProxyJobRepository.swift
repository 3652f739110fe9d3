import JSONSchema

/// An asynchronous upstream job (a HeyGen render) as it persists.
struct ProxyJob: Sendable, Equatable {
    var id: String
    var organizationID: String
    var service: String
    /// The provider's id for the job (HeyGen's `video_id`).
    var upstreamID: String
    var status: String
    /// Where to deliver the outcome, when the caller asked for a callback.
    var callbackURL: String?
    /// The provider's latest status answer, when one was seen.
    var result: JSONValue?
    var createdAt: String
    var updatedAt: String
}

/// Where asynchronous upstream jobs persist, so a restart loses none.
protocol ProxyJobRepository: Sendable {
    /// Stores a new job.
    func insert(_ job: ProxyJob) async throws
    /// Records a status answer on the organization's job with that upstream id; returns the job's id, or nil.
    func advance(organizationID: String, service: String, upstreamID: String, status: String, result: JSONValue,
                 at: String) async throws -> String?
    /// A job of the organization, or nil.
    func job(id: String, organizationID: String) async throws -> ProxyJob?
    /// At most `limit` jobs whose callback is still owed.
    func awaitingCallback(limit: Int) async throws -> [ProxyJob]
    /// Records that a job's callback was handed to the outbox.
    func markCallbackDelivered(id: String) async throws
}
