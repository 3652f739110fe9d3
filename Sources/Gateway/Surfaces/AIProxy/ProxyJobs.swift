import Crypto
import JSONSchema
import Store

/// What invoke knows when an answer might start or advance an asynchronous job.
struct JobContext {
    let organizationID: String
    let service: String
    let endpoint: ProxyEndpoint
    let callbackURL: String?
    let query: [(String, String)]
}

/// Asynchronous upstream jobs (HeyGen renders) as rows, so a restart loses none: a `submit` endpoint's answer
/// creates one (its upstream id is `data.video_id`); a `status` endpoint's answer (`data.status`) advances it.
final class ProxyJobs: Sendable {
    let database: Database

    init(database: Database) {
        self.database = database
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
            try await database.write { connection in
                try connection.execute("""
                    INSERT INTO upstream_jobs (id, org_id, service, upstream_id, status, callback_url, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)
                    """, [.text(id), .text(context.organizationID), .text(context.service), .text(upstreamID),
                          SQLValue(context.callbackURL), .text(now), .text(now)])
            }
            return id
        case "status":
            guard let upstreamID = value["data"]?["id"]?.stringValue ?? context.query.first(where: { $0.0 == "video_id" })?.1,
                  let status = value["data"]?["status"]?.stringValue else { return nil }
            return try await database.write { connection in
                try connection.execute("""
                    UPDATE upstream_jobs SET status = ?, result = ?, updated_at = ?
                    WHERE org_id = ? AND service = ? AND upstream_id = ?
                    """, [.text(status), .text(value.serialized()), .text(Timestamp.now()), .text(context.organizationID),
                          .text(context.service), .text(upstreamID)])
                return try connection.queryOne("SELECT id FROM upstream_jobs WHERE org_id = ? AND upstream_id = ?",
                                               [.text(context.organizationID), .text(upstreamID)])?.string("id")
            }
        default:
            return nil
        }
    }

    /// A job of the organization as JSON, or nil.
    func job(_ id: String, organizationID: String) async throws -> JSONValue? {
        try await database.read { connection in
            guard let row = try connection.queryOne("SELECT * FROM upstream_jobs WHERE id = ? AND org_id = ?",
                                                    [.text(id), .text(organizationID)]) else { return nil }
            return [
                "id": .string(try row.require("id")), "service": .string(try row.require("service")),
                "upstream_id": .string(try row.require("upstream_id")), "status": .string(try row.require("status")),
                "created_at": .string(try row.require("created_at")), "updated_at": .string(try row.require("updated_at")),
            ]
        }
    }
}
