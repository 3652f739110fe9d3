import HTTPCore

/// Turns a request's credentials into a `Principal`, trying the surface's schemes in order.
public struct Authenticator: Sendable {
    let identity: any IdentityStore
    let tokens: TokenIssuer

    /// The caller, or 401: no credentials, an unknown or revoked key, or a bad token.
    public func authenticate(_ request: HTTPRequest, schemes: [AuthScheme]) async throws -> Principal {
        guard let credential = schemes.lazy.compactMap({ $0.credential(in: request.headers) }).first else {
            throw PlatformError.unauthenticated("authentication credentials were not provided")
        }
        var principal: Principal
        if let secret = APIKeySecret(parsing: credential) {
            principal = try await principalForKey(secret)
        } else if credential.split(separator: ".").count == 3 {
            principal = try await principalForToken(credential)
        } else {
            throw PlatformError.unauthenticated("invalid API key")
        }
        if let projectHeader = request.headers["x-project-id"], case .member = principal.credential {
            guard try await identity.project(id: projectHeader, organizationID: principal.organization.id) != nil else {
                throw PlatformError.notFound("project \(projectHeader) not found")
            }
            principal.projectID = projectHeader
        }
        return principal
    }

    private func principalForKey(_ secret: APIKeySecret) async throws -> Principal {
        guard let key = try await identity.authenticate(secret),
              let organization = try await identity.organization(key.organizationID) else {
            throw PlatformError.unauthenticated("invalid API key")
        }
        return Principal(organization: organization, role: key.role, credential: .apiKey(key), projectID: key.projectID)
    }

    private func principalForToken(_ token: String) async throws -> Principal {
        let (memberID, organizationID) = try tokens.verify(token)
        guard let member = try await identity.member(id: memberID, organizationID: organizationID),
              let organization = try await identity.organization(organizationID) else {
            throw PlatformError.unauthenticated("invalid or expired token")
        }
        return Principal(organization: organization, role: member.role, credential: .member(member), projectID: nil)
    }
}
