/// Platform failures that surfaces translate into their own documented error shapes.
public enum PlatformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad input; the message says which field and why (→ 400).
    case invalid(String)
    /// The thing does not exist for this caller (→ 404; also for other tenants' resources).
    case notFound(String)
    /// It already exists (→ 409).
    case conflict(String)
    /// Missing or bad credentials (→ 401).
    case unauthenticated(String)
    /// Authenticated but not allowed (→ 403).
    case forbidden(String)

    public var description: String {
        switch self {
        case .invalid(let message), .notFound(let message), .conflict(let message),
             .unauthenticated(let message), .forbidden(let message):
            return message
        }
    }

    /// The HTTP status code this failure maps to.
    public var statusCode: Int {
        switch self {
        case .invalid: return 400
        case .unauthenticated: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .conflict: return 409
        }
    }
}
