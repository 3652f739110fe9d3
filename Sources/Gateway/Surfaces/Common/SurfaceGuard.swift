import HTTPCore
import HTTPServer
import JSONSchema

/// Per-surface middleware: authenticates with the surface's schemes, applies the caller's rate limit (headers
/// on every response, 429 beyond it), and writes every failure in the surface's error shape.
public struct SurfaceGuard: HTTPMiddleware {
    let platform: Platform
    let schemes: [AuthScheme]
    let shape: ErrorShape
    let log: @Sendable (String) -> Void

    public init(platform: Platform, schemes: [AuthScheme], shape: ErrorShape,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.platform = platform
        self.schemes = schemes
        self.shape = shape
        self.log = log
    }

    public func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
        let principal: Principal
        do {
            principal = try await platform.authenticator.authenticate(request, schemes: schemes)
        } catch {
            return render(error)
        }
        let decision = platform.limiter.admit(principal.rateLimitKey, limit: principal.rateLimit)
        var response: HTTPResponse
        if decision.allowed {
            var request = request
            request.attributes[PrincipalKey.self] = principal
            do {
                response = try await next.respond(to: request)
            } catch {
                response = render(error)
            }
        } else {
            response = shape.response(.tooManyRequests, "rate limit exceeded: \(decision.limit) requests per minute")
        }
        decision.apply(to: &response.headers)
        return response
    }

    /// The `WWW-Authenticate` challenge for this surface's schemes (RFC 9110 §11.6.1), e.g. `Api-Key, Token`.
    var challenge: String {
        let names = schemes.compactMap { scheme -> String? in
            switch scheme {
            case .apiKeyHeader: return "Api-Key"
            case .tokenHeader: return "Token"
            case .bearer: return "Bearer"
            case .apiKeyField, .cookie: return nil
            }
        }
        return names.isEmpty ? "Bearer" : names.joined(separator: ", ")
    }

    /// The surface-shaped response for any error; unknown errors are logged and answered 500 without detail.
    func render(_ error: any Error) -> HTTPResponse {
        switch error {
        case let error as SurfaceError:
            if let body = error.body { return .json(body.serialized(), status: error.status) }
            return shape.response(error.status, error.message)
        case let error as PlatformError:
            var response = shape.response(HTTPStatus(code: error.statusCode), error.description)
            if error.statusCode == 401 { response.headers.add(name: "WWW-Authenticate", value: challenge) }
            return response
        default:
            log("internal error: \(error)")
            return shape.response(.internalServerError, "internal server error")
        }
    }
}
