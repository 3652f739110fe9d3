import Foundation
import Gateway
import JSONSchema

/// The organization named by `--org`, or a usage error.
@MainActor
func adminOrganization(_ arguments: CommandLineArguments, _ spec: OptionSpec, _ platform: Platform) async throws -> Organization {
    guard let key = arguments.value(spec) else { throw UsageError("--org is required") }
    guard let organization = try await platform.identity.organization(key) else { throw UsageError("organization '\(key)' not found") }
    return organization
}

/// `--field name=value` pairs (repeatable as `--fields a=1,b=2`) as a credential object.
func credentialFields(_ text: String?) throws -> JSONValue {
    guard let text, !text.isEmpty else { throw UsageError("--fields is required, e.g. --fields key=sk-123") }
    var object = JSONObject()
    for pair in text.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw UsageError("--fields takes name=value pairs, not '\(pair)'") }
        object[String(parts[0])] = .string(String(parts[1]))
    }
    return .object(object)
}

enum AdminOptions {
    static let organization = OptionSpec(name: "org", valueName: "SLUG", environmentVariable: nil, help: "Organization slug or id.")
    static let name = OptionSpec(name: "name", valueName: "NAME", environmentVariable: nil, help: "Name.")
    static let service = OptionSpec(name: "service", valueName: "SERVICE", environmentVariable: nil,
                                    help: "Service or provider (elevenlabs, heygen, openai, slack, …).")
    static let fields = OptionSpec(name: "fields", valueName: "K=V,…", environmentVariable: nil,
                                   help: "Secret fields, e.g. key=sk-123 (read from the command line; prefer a shell variable).")
}

/// `switchboard admin create-project`.
enum AdminCreateProject: Subcommand {
    static let name = "admin create-project"
    static let summary = "Create a project in an organization."
    static let options = PlatformOptions.all + [AdminOptions.organization, AdminOptions.name]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        let organization = try await adminOrganization(arguments, AdminOptions.organization, platform)
        guard let name = arguments.value(AdminOptions.name) else { throw UsageError("--name is required") }
        let project = try await platform.identity.createProject(organizationID: organization.id, name: name)
        try await platform.audit.record(actor: "cli", action: "project.create", organizationID: organization.id, target: project.id)
        say(project.id)
        return 0
    }
}

/// `switchboard admin create-member`, printing the member id and a JWT for it.
enum AdminCreateMember: Subcommand {
    static let name = "admin create-member"
    static let summary = "Add a member with a role and print a JWT for them."
    static let email = OptionSpec(name: "email", valueName: "EMAIL", environmentVariable: nil, help: "The member's email.")
    static let role = OptionSpec(name: "role", valueName: "ROLE", environmentVariable: nil, help: "viewer, member or admin. Default member.")
    static let options = PlatformOptions.all + [AdminOptions.organization, email, role, AdminOptions.name]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        let organization = try await adminOrganization(arguments, AdminOptions.organization, platform)
        guard let address = arguments.value(email) else { throw UsageError("--email is required") }
        guard let memberRole = Role(rawValue: arguments.value(role) ?? "member") else { throw UsageError("--role must be viewer, member or admin") }
        let member = try await platform.identity.createMember(organizationID: organization.id, email: address,
                                                              name: arguments.value(AdminOptions.name) ?? address, role: memberRole)
        try await platform.audit.record(actor: "cli", action: "member.create", organizationID: organization.id, target: member.id)
        say(member.id)
        say(try platform.tokens.issue(for: member))
        return 0
    }
}

/// `switchboard admin set-service-key` / `set-platform-key`: seed 000's tenant and platform keys.
enum AdminSetServiceKey: Subcommand {
    static let name = "admin set-service-key"
    static let summary = "Set an organization's key for a service (sealed in the vault)."
    static let options = PlatformOptions.all + [AdminOptions.organization, AdminOptions.service, AdminOptions.fields]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        let organization = try await adminOrganization(arguments, AdminOptions.organization, platform)
        guard let service = arguments.value(AdminOptions.service) else { throw UsageError("--service is required") }
        let summary = try await platform.credentials.put(organizationID: organization.id, scope: .service, provider: service,
                                                         data: try credentialFields(arguments.value(AdminOptions.fields)))
        try await platform.audit.record(actor: "cli", action: "service-credential.put", organizationID: organization.id, target: service)
        say("\(summary.id) \(service) fields: \(summary.fields.joined(separator: ","))")
        return 0
    }
}

enum AdminSetPlatformKey: Subcommand {
    static let name = "admin set-platform-key"
    static let summary = "Set the platform's key for a service (sealed in the vault)."
    static let options = PlatformOptions.all + [AdminOptions.service, AdminOptions.fields]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        guard let service = arguments.value(AdminOptions.service) else { throw UsageError("--service is required") }
        let summary = try await platform.credentials.put(organizationID: nil, scope: .platform, provider: service,
                                                         data: try credentialFields(arguments.value(AdminOptions.fields)))
        try await platform.audit.record(actor: "cli", action: "platform-credential.put", target: service)
        say("\(summary.id) \(service) fields: \(summary.fields.joined(separator: ","))")
        return 0
    }
}
