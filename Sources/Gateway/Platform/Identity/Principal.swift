import HTTPCore

/// Who is calling: the organization every lookup is scoped to, the role, and the key or member behind it.
public struct Principal: Sendable {
    public enum Credential: Sendable {
        case apiKey(APIKeyRecord)
        case member(Member)
    }

    public let organization: Organization
    public let role: Role
    public let credential: Credential
    /// The project a key is bound to, or the one named by `x-project-id` with a JWT (seed 003).
    public var projectID: String?

    /// The id that rate limits count against: the key id, or the member id for JWT callers.
    public var rateLimitKey: String {
        switch credential {
        case .apiKey(let key): return "key:" + key.id
        case .member(let member): return "member:" + member.id
        }
    }

    /// The per-key limit, when the key has its own.
    public var rateLimit: Int? {
        if case .apiKey(let key) = credential { return key.rateLimit }
        return nil
    }

    /// Throws 404 unless `idOrSlug` names the caller's own organization: another tenant's resources are
    /// reported as absent, never as forbidden, so their existence does not leak.
    public func requireOrganization(_ idOrSlug: String) throws {
        guard idOrSlug == organization.id || idOrSlug == organization.slug else {
            throw PlatformError.notFound("organization '\(idOrSlug)' not found")
        }
    }

    /// Throws 403 unless the caller's role is at least `minimum` (seed 004: viewer < member < admin).
    public func require(_ minimum: Role) throws {
        guard role >= minimum else {
            throw PlatformError.forbidden("this action needs the \(minimum.rawValue) role; you have \(role.rawValue)")
        }
    }
}

/// The authenticated caller, attached to the request by the surface's guard.
public enum PrincipalKey: RequestAttributeKey {
    public typealias Value = Principal
}

extension HTTPRequest {
    /// The authenticated caller; throws 401 if a route forgot its guard (never silently anonymous).
    public func principal() throws -> Principal {
        guard let principal = attributes[PrincipalKey.self] else {
            throw PlatformError.unauthenticated("authentication required")
        }
        return principal
    }
}
