import Foundation
import HTTPClient
import HTTPCore
import JSONSchema
import Store

extension Outbox {
    /// One attempt at one delivery, and the bookkeeping of its outcome.
    func attempt(_ row: Row) async {
        guard let id = try? row.require("id", as: String.self), let url = try? row.require("url", as: String.self),
              let body = try? row.require("body", as: [UInt8].self) else { return }
        var headers = HTTPHeaders()
        let pairs = (try? JSONValue(parsing: row.require("headers", as: String.self)))?.arrayValue ?? []
        for pair in pairs {
            if let name = pair[0]?.stringValue, let value = pair[1]?.stringValue { headers.add(name: name, value: value) }
        }
        if !headers.contains("Content-Type") { headers.add(name: "Content-Type", value: "application/json") }
        let attempts = ((try? row.int("attempts")) ?? 0) + 1
        let maxAttempts = (try? row.int("max_attempts")) ?? 1
        let backoff = (try? row.int("backoff_ms")) ?? 1000
        var status: Int?
        var failure: String?
        var retryAfter: Int?
        do {
            let response = try await http.send(HTTPClientRequest(method: .post, url: url, headers: headers,
                                                                 body: .bytes(body), timeout: .seconds(10)))
            _ = try? await response.collect(upTo: 64 * 1024)
            status = response.status.code
            retryAfter = response.headers["Retry-After"].flatMap(Int.init)
        } catch {
            failure = String(describing: error)
        }
        let outcome = Self.outcome(status: status, attempts: attempts, maxAttempts: maxAttempts)
        let delay = retryAfter.map { $0 * 1000 } ?? Self.backoff(base: backoff, attempt: attempts)
        let next = Timestamp.string(from: Date().addingTimeInterval(Double(delay) / 1000))
        let delivered = outcome == "delivered" ? Timestamp.now() : nil
        let (finalStatus, finalFailure) = (status, failure)
        _ = try? await database.write { connection in
            try connection.execute("""
                UPDATE outbox SET status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?,
                    delivered_at = ? WHERE id = ?
                """, [.text(outcome), .integer(Int64(attempts)), SQLValue(finalStatus.map(Int64.init)), SQLValue(finalFailure),
                      .text(next), SQLValue(delivered), .text(id)])
        }
    }

    /// delivered on 2xx; failed on 410 Gone or when attempts are used up; otherwise pending again.
    static func outcome(status: Int?, attempts: Int, maxAttempts: Int) -> String {
        if let status, (200..<300).contains(status) { return "delivered" }
        if status == 410 || attempts >= maxAttempts { return "failed" }
        return "pending"
    }

    /// base × 2^(attempt−1), plus up to 20 % jitter.
    static func backoff(base: Int, attempt: Int) -> Int {
        let exponential = base << min(max(attempt - 1, 0), 16)
        return exponential + Int.random(in: 0...max(0, exponential / 5))
    }

    static func record(_ row: Row) throws -> OutboxRecord {
        OutboxRecord(id: try row.require("id"), kind: try row.require("kind"), subject: try row.string("subject"),
                     url: try row.require("url"), status: try row.require("status"), attempts: try row.require("attempts"),
                     lastStatus: try row.int("last_status"), lastError: try row.string("last_error"),
                     createdAt: try row.require("created_at"), deliveredAt: try row.string("delivered_at"))
    }
}
