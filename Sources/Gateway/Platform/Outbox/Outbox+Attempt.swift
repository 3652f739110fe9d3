import Foundation
import HTTPClient
import HTTPCore

extension Outbox {
    /// One attempt at one delivery, and the bookkeeping of its outcome.
    func attempt(_ delivery: DueDelivery) async {
        let (id, url, body) = (delivery.id, delivery.url, delivery.body)
        var headers = HTTPHeaders()
        for (name, value) in delivery.headers { headers.add(name: name, value: value) }
        if !headers.contains("Content-Type") { headers.add(name: "Content-Type", value: "application/json") }
        let attempts = delivery.attempts + 1
        let maxAttempts = delivery.maxAttempts
        let backoff = delivery.backoffMilliseconds
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
        try? await repository.save(DeliveryAttempt(id: id, status: outcome, attempts: attempts, lastStatus: status,
                                                   lastError: failure, nextAttemptAt: next, deliveredAt: delivered))
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
}
