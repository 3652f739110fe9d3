import HTTPCore

/// Code that wraps a responder: authentication, error shapes, rate limits, logging.
public protocol HTTPMiddleware: Sendable {
    /// Handles the request, usually by calling `next` and adjusting its response.
    func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse
}

/// A responder that runs one middleware in front of the next responder.
struct MiddlewareResponder: HTTPResponder {
    let middleware: any HTTPMiddleware
    let next: any HTTPResponder

    func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        try await middleware.handle(request, next: next)
    }
}

extension Array where Element == any HTTPMiddleware {
    /// Composes the middleware (first runs outermost) in front of `responder`, once.
    public func wrapping(_ responder: any HTTPResponder) -> any HTTPResponder {
        reversed().reduce(responder) { next, middleware in MiddlewareResponder(middleware: middleware, next: next) }
    }
}
