import HTTPCore
import Synchronization

/// Hands a handler's response to the loop: inline when the handler finished without suspending, else posted.
///
/// The loop starts the handler with `Task.immediate`; when that returns, it asks `takeInline()`. A handler that
/// completed synchronously left its response here; one that suspended will post its response to the loop.
final class ResponseHandoff: Sendable {
    private enum State {
        case running
        case finishedInline(HandlerOutcome)
        case willPost
        case taken
    }

    private let state = Mutex<State>(.running)

    /// Called by the handler task when done: true if the loop will take the outcome inline.
    func finish(_ outcome: HandlerOutcome) -> Bool {
        state.withLock { state in
            guard case .running = state else { return false }
            state = .finishedInline(outcome)
            return true
        }
    }

    /// Called by the loop right after starting the task: the outcome if it is already here.
    func takeInline() -> HandlerOutcome? {
        state.withLock { state in
            if case .finishedInline(let outcome) = state {
                state = .taken
                return outcome
            }
            state = .willPost
            return nil
        }
    }
}
