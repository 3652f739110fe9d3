import JSONSchema
import Store

/// `ProxyJobRepository` over the `upstream_jobs` table.
struct SQLiteProxyJobRepository: ProxyJobRepository {
    let database: Database

    func insert(_ job: ProxyJob) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO upstream_jobs (id, org_id, service, upstream_id, status, callback_url, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(job.id), .text(job.organizationID), .text(job.service), .text(job.upstreamID), .text(job.status),
                      SQLValue(job.callbackURL), .text(job.createdAt), .text(job.updatedAt)])
        }
    }

    func advance(organizationID: String, service: String, upstreamID: String, status: String, result: JSONValue,
                 at: String) async throws -> String? {
        try await database.write { connection in
            try connection.execute("""
                UPDATE upstream_jobs SET status = ?, result = ?, updated_at = ?
                WHERE org_id = ? AND service = ? AND upstream_id = ?
                """, [.text(status), .text(result.serialized()), .text(at), .text(organizationID), .text(service),
                      .text(upstreamID)])
            return try connection.queryOne("SELECT id FROM upstream_jobs WHERE org_id = ? AND service = ? AND upstream_id = ?",
                                           [.text(organizationID), .text(service), .text(upstreamID)])?.string("id")
        }
    }

    func job(id: String, organizationID: String) async throws -> ProxyJob? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM upstream_jobs WHERE id = ? AND org_id = ?",
                                    [.text(id), .text(organizationID)]).map(Self.job)
        }
    }

    func awaitingCallback(limit: Int) async throws -> [ProxyJob] {
        try await database.read { connection in
            try connection.query("""
                SELECT * FROM upstream_jobs WHERE callback_url IS NOT NULL AND callback_delivered = 0 LIMIT ?
                """, [.integer(Int64(limit))]).map(Self.job)
        }
    }

    func markCallbackDelivered(id: String) async throws {
        try await database.write { connection in
            try connection.execute("UPDATE upstream_jobs SET callback_delivered = 1 WHERE id = ?", [.text(id)])
        }
    }

    private static func job(_ row: Row) throws -> ProxyJob {
        ProxyJob(id: try row.require("id"), organizationID: try row.require("org_id"), service: try row.require("service"),
                 upstreamID: try row.require("upstream_id"), status: try row.require("status"),
                 callbackURL: try row.string("callback_url"),
                 result: try row.string("result").flatMap { try? JSONValue(parsing: $0) },
                 createdAt: try row.require("created_at"), updatedAt: try row.require("updated_at"))
    }
}
