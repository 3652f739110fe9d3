import Synchronization

/// The current state of every named scenario; each starts in `started` and `reset` puts all back.
///
/// A `Mutex` rather than an actor: selection checks a state and moves it in one step on the request path.
final class ScenarioStates: Sendable {
    /// The state every scenario starts in.
    static let initial = "started"

    private let states = Mutex<[String: String]>([:])

    /// Runs `body` with the states locked, so a check and its transition are one step.
    func withLock<Result>(_ body: (inout [String: String]) -> Result) -> Result {
        states.withLock { body(&$0) }
    }

    /// The state of one scenario.
    func state(of name: String) -> String {
        states.withLock { $0[name] ?? Self.initial }
    }

    /// Every scenario that has left its initial state.
    var all: [String: String] { states.withLock { $0 } }

    /// Moves a scenario to a state.
    func set(_ name: String, to state: String) {
        states.withLock { $0[name] = state }
    }

    /// Puts every scenario back in `started`.
    func reset() {
        states.withLock { $0.removeAll() }
    }
}
