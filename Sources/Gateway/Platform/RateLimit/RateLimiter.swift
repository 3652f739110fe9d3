import Foundation
import HTTPCore
import Synchronization

/// Fixed-window request counting per key (seed 002: 100 requests per minute per API key by default).
///
/// Windows are aligned to the clock (`reset` is the Unix time the current window ends), and admission is
/// decided under one lock, so concurrent callers on one key can never exceed the limit.
public final class RateLimiter: Sendable {
    public let defaultLimit: Int
    public let windowSeconds: Int
    private let windows = Mutex<[String: (start: Int, count: Int)]>([:])
    private let clock: @Sendable () -> Date

    public init(defaultLimit: Int = 100, windowSeconds: Int = 60, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.defaultLimit = defaultLimit
        self.windowSeconds = windowSeconds
        self.clock = clock
    }

    /// Counts one request for `key` and says whether it is admitted.
    public func admit(_ key: String, limit: Int? = nil) -> RateLimitDecision {
        let limit = limit ?? defaultLimit
        let now = Int(clock().timeIntervalSince1970)
        let start = now - now % windowSeconds
        let count: Int = windows.withLock { windows in
            if windows.count > 50_000 { windows = windows.filter { $0.value.start == start } }
            var window = windows[key] ?? (start, 0)
            if window.start != start { window = (start, 0) }
            if window.count < limit { window.count += 1 } else { window.count = limit + 1 }
            windows[key] = window
            return window.count
        }
        let reset = start + windowSeconds
        return RateLimitDecision(allowed: count <= limit, limit: limit, remaining: max(0, limit - count),
                                 reset: reset, secondsToReset: max(1, reset - now), windowSeconds: windowSeconds)
    }
}

/// The outcome of one admission, and the headers that report it.
public struct RateLimitDecision: Sendable, Equatable {
    public let allowed: Bool
    public let limit: Int
    public let remaining: Int
    /// Unix time when the window resets (seed 002's `X-RateLimit-Reset`).
    public let reset: Int
    public let secondsToReset: Int
    public let windowSeconds: Int

    /// Adds `X-RateLimit-*` (seed 002) and the IETF `RateLimit-Policy`/`RateLimit` fields
    /// (draft-ietf-httpapi-ratelimit-headers), plus `Retry-After` when refused (RFC 9110 §10.2.3).
    public func apply(to headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: "X-RateLimit-Limit", value: String(limit))
        headers.replaceOrAdd(name: "X-RateLimit-Remaining", value: String(remaining))
        headers.replaceOrAdd(name: "X-RateLimit-Reset", value: String(reset))
        headers.replaceOrAdd(name: "RateLimit-Policy", value: "\"default\";q=\(limit);w=\(windowSeconds)")
        headers.replaceOrAdd(name: "RateLimit", value: "\"default\";r=\(remaining);t=\(secondsToReset)")
        if !allowed { headers.replaceOrAdd(name: "Retry-After", value: String(secondsToReset)) }
    }
}
