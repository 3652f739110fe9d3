import Foundation
import HTTPClient
import HTTPCore

/// Why an upstream call produced no response.
public enum UpstreamError: Error, Sendable, Equatable {
    /// The provider's breaker is open; retry after the given seconds.
    case circuitOpen(provider: String, retryAfter: Int)
    /// No answer within the timeout (→ 504).
    case timeout(provider: String)
    /// No connection, or a broken one (→ 502).
    case unreachable(provider: String, detail: String)
}

/// Who a metered call is for.
public struct UsageContext: Sendable {
    public var organizationID: String
    public var surface: String
    public var operation: String

    public init(organizationID: String, surface: String, operation: String) {
        self.organizationID = organizationID
        self.surface = surface
        self.operation = operation
    }
}

/// The one outbound path of the gateway: every surface's upstream call goes through the provider's breaker,
/// the HTTP client and the usage meter. 5xx answers and transport failures count against the breaker;
/// 4xx answers are the caller's problem and do not.
public final class UpstreamClient: Sendable {
    public let http: HTTPClient
    public let directory: UpstreamDirectory
    public let breakers: CircuitBreakers
    public let usage: UsageMeter

    public init(http: HTTPClient, directory: UpstreamDirectory, breakers: CircuitBreakers, usage: UsageMeter) {
        self.http = http
        self.directory = directory
        self.breakers = breakers
        self.usage = usage
    }

    /// Sends a request to a provider; returns as soon as the response head arrives (the body streams).
    public func send(_ request: HTTPClientRequest, provider: String, context: UsageContext) async throws -> HTTPClientResponse {
        if case .rejected(let retryAfter) = breakers.acquire(provider) {
            try? await usage.record(UsageEvent(organizationID: context.organizationID, surface: context.surface,
                                               provider: provider, operation: context.operation, status: 503,
                                               latencyMilliseconds: 0, error: "circuit open"))
            throw UpstreamError.circuitOpen(provider: provider, retryAfter: retryAfter)
        }
        let start = ContinuousClock.now
        do {
            let response = try await http.send(request)
            let failed = response.status.code >= 500
            breakers.record(provider, success: !failed)
            try? await usage.record(UsageEvent(
                organizationID: context.organizationID, surface: context.surface, provider: provider,
                operation: context.operation, status: response.status.code, latencyMilliseconds: milliseconds(since: start)))
            return response
        } catch let error as HTTPClientError {
            breakers.record(provider, success: false)
            let mapped: UpstreamError
            if case .timeout = error { mapped = .timeout(provider: provider) } else {
                mapped = .unreachable(provider: provider, detail: error.description)
            }
            try? await usage.record(UsageEvent(
                organizationID: context.organizationID, surface: context.surface, provider: provider,
                operation: context.operation, status: mapped == .timeout(provider: provider) ? 504 : 502,
                latencyMilliseconds: milliseconds(since: start), error: error.description))
            throw mapped
        }
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
