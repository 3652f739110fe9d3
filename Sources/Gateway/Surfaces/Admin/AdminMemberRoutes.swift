import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// `/admin/organizations/{org}/members…`: members with roles, and JWTs issued for them (seeds 003, 004).
enum AdminMemberRoutes {
    static func register(on admin: inout RouterBuilder, platform: Platform) {
        admin.get("/organizations/{org}/members") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            return .json(.array(try await platform.identity.members(organizationID: organization.id).map(\.json)))
        }
        admin.post("/organizations/{org}/members") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            let body = try request.jsonObject()
            let email = try body.requiredString("email")
            let role = try parseRole(body, default: .member)
            let member = try await platform.identity.createMember(
                organizationID: organization.id, email: email, name: try body.optionalString("name") ?? email, role: role)
            try await platform.audit.record(actor: "admin", action: "member.create", organizationID: organization.id,
                                            target: member.id, detail: ["role": .string(role.rawValue)])
            return .json(member.json, status: .created)
        }
        admin.post("/organizations/{org}/members/{member}/tokens") { request in
            let organization = try await AdminRoutes.organization(request, platform)
            guard let member = try await platform.identity.member(id: request.parameter("member"),
                                                                  organizationID: organization.id) else {
                throw PlatformError.notFound("member '\(request.parameter("member"))' not found")
            }
            let lifetime = request.bodyBytes.isEmpty ? 86_400 : (try request.jsonObject()["ttlSeconds"]?.intValue ?? 86_400)
            guard (60...31_536_000).contains(lifetime) else { throw PlatformError.invalid("ttlSeconds must be 60 to 31536000") }
            let now = Date()
            let token = try platform.tokens.issue(for: member, lifetime: TimeInterval(lifetime), now: now)
            try await platform.audit.record(actor: "admin", action: "member.token", organizationID: organization.id,
                                            target: member.id)
            let expires = ISO8601DateFormatter().string(from: now.addingTimeInterval(TimeInterval(lifetime)))
            return .json(["token": .string(token), "expiresAt": .string(expires), "member": member.json], status: .created)
        }
    }

    /// The `role` field, or a default; 400 for anything but viewer, member, admin.
    static func parseRole(_ body: JSONObject, default fallback: Role) throws -> Role {
        guard let text = try body.optionalString("role") else { return fallback }
        guard let role = Role(rawValue: text) else { throw PlatformError.invalid("role must be viewer, member or admin") }
        return role
    }
}
