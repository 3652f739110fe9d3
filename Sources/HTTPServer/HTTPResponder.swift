import HTTPCore

/// Something that answers requests: a router, middleware around a router, or a closure.
public protocol HTTPResponder: Sendable {
    /// Produces the response to one request.
    func respond(to request: HTTPRequest) async throws -> HTTPResponse

    /// Answers without suspending when it can, on the event loop's thread: the response now, the part that
    /// suspends, or `.unavailable` to have `respond(to:)` called. The default is `.unavailable`. It must not block.
    func respondImmediately(to request: HTTPRequest) throws -> ImmediateResponse
}

/// What `HTTPResponder.respondImmediately(to:)` returns.
public enum ImmediateResponse: Sendable {
    /// The response, computed without suspending; the loop writes it at once, with no task and no thread hop.
    case response(HTTPResponse)
    /// The work done so far needs to wait for something: the server runs this on a task and sends its result.
    case deferred(@Sendable () async throws -> HTTPResponse)
    /// No immediate path: the server calls `respond(to:)` on a task.
    case unavailable
}

extension HTTPResponder {
    public func respondImmediately(to request: HTTPRequest) throws -> ImmediateResponse { .unavailable }
}

/// Thrown by a handler, or by the stream of a response body, to reset the connection (TCP RST) instead of
/// answering or finishing the body: what is already queued is written, then the socket closes with
/// `SO_LINGER` {1, 0}. For fault injection (the mock upstream's `reset`), not for ordinary errors.
public struct ConnectionAbort: Error, Sendable {
    public init() {}
}

/// A responder made from a closure.
public struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) async throws -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) async throws -> HTTPResponse { try await body(request) }
}

/// A responder made from a closure that never suspends: answered inline on the event loop.
public struct ImmediateClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) throws -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) async throws -> HTTPResponse { try body(request) }

    public func respondImmediately(to request: HTTPRequest) throws -> ImmediateResponse { .response(try body(request)) }
}

/// An error that knows the response it should become (its status and documented body shape).
public protocol HTTPResponseError: Error {
    /// The response sent for this error.
    func makeResponse() -> HTTPResponse
}

/// What the loop does with a handler's result: send a response, or reset the connection.
enum HandlerOutcome: Sendable {
    case respond(HTTPResponse)
    case abort

    /// Maps a handler's error: its own response, a reset, or a 500 whose detail is logged, not sent.
    init(error: any Error, request: HTTPRequest, log: @Sendable (String) -> Void) {
        if error is ConnectionAbort {
            self = .abort
        } else if let error = error as? HTTPResponseError {
            self = .respond(error.makeResponse())
        } else {
            log("handler error for \(request.method) \(request.path): \(error)")
            self = .respond(.json(#"{"error":"Internal Server Error"}"#, status: .internalServerError))
        }
    }
}

extension HTTPResponder {
    /// Runs the responder, turning errors into responses (or a reset, for `ConnectionAbort`).
    func safeRespond(to request: HTTPRequest, log: @Sendable (String) -> Void) async -> HandlerOutcome {
        do {
            return .respond(try await respond(to: request))
        } catch {
            return HandlerOutcome(error: error, request: request, log: log)
        }
    }
}
