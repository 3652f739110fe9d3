import HTTPCore
import HTTPServer

/// Admits only callers with a live admin token (`Authorization: Bearer <admin token>`); errors as `{"error": …}`.
struct AdminGuard: HTTPMiddleware {
    let platform: Platform

    func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
        let guardian = SurfaceGuard(platform: platform, schemes: [], shape: .plain)
        guard let token = AuthScheme.authorization(request.headers, scheme: "Bearer") else {
            return guardian.render(PlatformError.unauthenticated("admin token required: Authorization: Bearer <token>"))
        }
        guard try await platform.identity.verifyAdminToken(token) else {
            return guardian.render(PlatformError.unauthenticated("invalid admin token"))
        }
        do {
            return try await next.respond(to: request)
        } catch {
            return guardian.render(error)
        }
    }
}
