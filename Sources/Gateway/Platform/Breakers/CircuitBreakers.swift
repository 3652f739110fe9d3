import Foundation
import Synchronization

/// The state of one provider's breaker.
public enum BreakerState: String, Sendable {
    case closed, open, halfOpen = "half-open"
}

/// A breaker's state and counters, as status endpoints report them.
public struct BreakerSnapshot: Sendable, Equatable {
    public var provider: String
    public var state: BreakerState
    public var consecutiveFailures: Int
    public var halfOpenSuccesses: Int
    public var openedAt: Date?
    public var totalFailures: Int
    public var totalSuccesses: Int
}

/// Circuit breakers per upstream provider: closed → open after N consecutive failures; open → half-open after
/// a cool-down; half-open → closed after M successful probes, or open again on a failure. The defaults are the
/// reference implementation's (5 failures, 30 s, 2 successes; seed 001's peer) and configurable.
public final class CircuitBreakers: Sendable {
    public struct Settings: Sendable, Equatable {
        public var failureThreshold: Int
        public var openDuration: TimeInterval
        public var successThreshold: Int

        public init(failureThreshold: Int = 5, openDuration: TimeInterval = 30, successThreshold: Int = 2) {
            self.failureThreshold = max(1, failureThreshold)
            self.openDuration = max(0, openDuration)
            self.successThreshold = max(1, successThreshold)
        }
    }

    /// Whether a call may go upstream now.
    public enum Permission: Sendable, Equatable {
        case allowed
        /// Refused; seconds until the breaker half-opens.
        case rejected(retryAfter: Int)
    }

    public let settings: Settings
    private let breakers = Mutex<[String: BreakerSnapshot]>([:])
    private let clock: @Sendable () -> Date

    public init(settings: Settings = Settings(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.clock = clock
    }

    /// Asks before calling a provider; an open breaker past its cool-down becomes half-open and admits probes.
    public func acquire(_ provider: String) -> Permission {
        let now = clock()
        return breakers.withLock { all in
            var breaker = all[provider] ?? Self.fresh(provider)
            defer { all[provider] = breaker }
            guard breaker.state == .open, let openedAt = breaker.openedAt else { return .allowed }
            let elapsed = now.timeIntervalSince(openedAt)
            if elapsed >= settings.openDuration {
                breaker.state = .halfOpen
                breaker.halfOpenSuccesses = 0
                return .allowed
            }
            return .rejected(retryAfter: max(1, Int((settings.openDuration - elapsed).rounded(.up))))
        }
    }

    /// Records the outcome of a call that was allowed.
    public func record(_ provider: String, success: Bool) {
        let now = clock()
        breakers.withLock { all in
            var breaker = all[provider] ?? Self.fresh(provider)
            if success {
                breaker.totalSuccesses += 1
                breaker.consecutiveFailures = 0
                if breaker.state == .halfOpen {
                    breaker.halfOpenSuccesses += 1
                    if breaker.halfOpenSuccesses >= settings.successThreshold {
                        breaker.state = .closed
                        breaker.openedAt = nil
                    }
                }
            } else {
                breaker.totalFailures += 1
                breaker.consecutiveFailures += 1
                if breaker.state == .halfOpen || breaker.consecutiveFailures >= settings.failureThreshold {
                    breaker.state = .open
                    breaker.openedAt = now
                    breaker.halfOpenSuccesses = 0
                }
            }
            all[provider] = breaker
        }
    }

    /// Every breaker seen so far plus the named providers, sorted by provider.
    public func snapshots(including providers: [String] = []) -> [BreakerSnapshot] {
        breakers.withLock { all in
            var result = all
            for provider in providers where result[provider] == nil { result[provider] = Self.fresh(provider) }
            return result.values.sorted { $0.provider < $1.provider }
        }
    }

    /// Closes one provider's breaker, or all of them.
    public func reset(_ provider: String? = nil) {
        breakers.withLock { all in
            if let provider { all[provider] = Self.fresh(provider) } else { all.removeAll() }
        }
    }

    private static func fresh(_ provider: String) -> BreakerSnapshot {
        BreakerSnapshot(provider: provider, state: .closed, consecutiveFailures: 0, halfOpenSuccesses: 0, openedAt: nil,
                        totalFailures: 0, totalSuccesses: 0)
    }
}
