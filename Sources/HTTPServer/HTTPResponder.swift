import HTTPCore

/// Something that answers requests: a router, middleware around a router, or a closure.
public protocol HTTPResponder: Sendable {
    /// Produces the response to one request.
    func respond(to request: HTTPRequest) async throws -> HTTPResponse
}

/// A responder made from a closure.
public struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest) async throws -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest) async throws -> HTTPResponse { try await body(request) }
}

/// An error that knows the response it should become (its status and documented body shape).
public protocol HTTPResponseError: Error {
    /// The response sent for this error.
    func makeResponse() -> HTTPResponse
}

extension HTTPResponder {
    /// Runs the responder, turning errors into responses: their own, or a 500 whose detail is logged, not sent.
    func safeRespond(to request: HTTPRequest, log: @Sendable (String) -> Void) async -> HTTPResponse {
        do {
            return try await respond(to: request)
        } catch let error as HTTPResponseError {
            return error.makeResponse()
        } catch {
            log("handler error for \(request.method) \(request.path): \(error)")
            return .json(#"{"error":"Internal Server Error"}"#, status: .internalServerError)
        }
    }
}
