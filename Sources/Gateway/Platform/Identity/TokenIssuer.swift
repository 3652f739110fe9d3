import Crypto
import Foundation

/// Issues and verifies the JWTs (HS256) that members present to seeds 003 and 004.
///
/// Claims: `sub` member id, `org` organization id, `role`, `iat`, `exp`, `iss` "switchboard". The role in the
/// token is informational: the member's current role in the store decides.
public struct TokenIssuer: Sendable {
    let signer: JWTSigner
    public static let issuer = "switchboard"

    public init(key: [UInt8], clock: @escaping @Sendable () -> Date = { Date() }) {
        signer = JWTSigner(key: key, clock: clock)
    }

    /// A token for a member, valid for `lifetime`.
    public func issue(for member: Member, lifetime: TimeInterval = 86_400, now: Date = Date()) throws -> String {
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))  // NumericDate in whole seconds
        let claims = JWTClaims(issuer: Self.issuer, subject: member.id, expiresAt: now.addingTimeInterval(lifetime),
                               issuedAt: now, id: SecureRandom.hexToken(bytes: 8),
                               custom: ["org": .string(member.organizationID), "role": .string(member.role.rawValue)])
        return try signer.sign(claims)
    }

    /// The member id and organization id of a valid token.
    func verify(_ token: String) throws -> (memberID: String, organizationID: String) {
        let claims: JWTClaims
        do {
            claims = try signer.verify(token)
        } catch {
            throw PlatformError.unauthenticated("invalid or expired token")
        }
        guard claims.issuer == Self.issuer, let member = claims.subject, case .string(let org)? = claims["org"] else {
            throw PlatformError.unauthenticated("invalid or expired token")
        }
        return (member, org)
    }
}
