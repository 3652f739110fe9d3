import Crypto
import JSONSchema

/// What invoke knows when an answer might start or advance an asynchronous job.
struct JobContext {
    let organizationID: String
    let service: String
    let endpoint: ProxyEndpoint
    let callbackURL: String?
    let query: [(String, String)]
}

/// Asynchronous upstream jobs (HeyGen renders), persisted so a restart loses none: a `submit` endpoint's answer
/// creates one (its upstream id is `data.video_id`); a `status` endpoint's answer (`data.status`) advances it.
final class ProxyJobs: Sendable {
    let repository: any ProxyJobRepository

    init(repository: any ProxyJobRepository) {
        self.repository = repository
    }

    /// Records or advances a job from an upstream JSON answer; returns the job id when one is involved.
    func observe(_ value: JSONValue, context: JobContext) async throws -> String? {
        switch context.endpoint.jobRole {
        case "submit":
            guard let upstreamID = value["data"]?["video_id"]?.stringValue ?? value["data"]?["id"]?.stringValue else {
                return nil
            }
            let id = "job_" + SecureRandom.hexToken(bytes: 10)
            let now = Timestamp.now()
            try await repository.insert(ProxyJob(
                id: id, organizationID: context.organizationID, service: context.service, upstreamID: upstreamID,
                status: "pending", callbackURL: context.callbackURL, result: nil, createdAt: now, updatedAt: now))
            return id
        case "status":
            guard let upstreamID = value["data"]?["id"]?.stringValue ?? context.query.first(where: { $0.0 == "video_id" })?.1,
                  let status = value["data"]?["status"]?.stringValue else { return nil }
            return try await repository.advance(organizationID: context.organizationID, service: context.service,
                                                upstreamID: upstreamID, status: status, result: value, at: Timestamp.now())
        default:
            return nil
        }
    }

    /// A job of the organization as JSON, or nil.
    func job(_ id: String, organizationID: String) async throws -> JSONValue? {
        guard let job = try await repository.job(id: id, organizationID: organizationID) else { return nil }
        return [
            "id": .string(job.id), "service": .string(job.service), "upstream_id": .string(job.upstreamID),
            "status": .string(job.status), "created_at": .string(job.createdAt), "updated_at": .string(job.updatedAt),
        ]
    }
}
