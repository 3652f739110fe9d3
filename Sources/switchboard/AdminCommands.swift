import Foundation
import Gateway

/// `switchboard admin create-org`: a new organization (the HTTP admin API does the same under /admin).
enum AdminCreateOrganization: Subcommand {
    static let name = "admin create-org"
    static let summary = "Create an organization."
    static let slug = OptionSpec(name: "slug", valueName: "SLUG", environmentVariable: nil, help: "Organization slug.")
    static let displayName = OptionSpec(name: "name", valueName: "NAME", environmentVariable: nil, help: "Display name.")
    static let options = PlatformOptions.all + [slug, displayName]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        guard let slugValue = arguments.value(slug) else { throw UsageError("--slug is required") }
        let platform = try await PlatformOptions.open(arguments)
        let organization = try await platform.identity.createOrganization(
            slug: slugValue, name: arguments.value(displayName) ?? slugValue)
        _ = try await platform.identity.createProject(organizationID: organization.id, name: "Default project")
        try await platform.audit.record(actor: "cli", action: "organization.create", organizationID: organization.id,
                                        target: organization.slug)
        say("\(organization.id) \(organization.slug)")
        return 0
    }
}

/// `switchboard admin create-key`: an API key, printed once in each surface's form.
enum AdminCreateKey: Subcommand {
    static let name = "admin create-key"
    static let summary = "Create an API key for an organization (the secret is printed once)."
    static let organization = OptionSpec(name: "org", valueName: "SLUG", environmentVariable: nil,
                                         help: "Organization slug or id.")
    static let keyName = OptionSpec(name: "name", valueName: "NAME", environmentVariable: nil, help: "Key name.")
    static let role = OptionSpec(name: "role", valueName: "ROLE", environmentVariable: nil,
                                 help: "viewer, member or admin. Default admin.")
    static let rateLimit = OptionSpec(name: "rate-limit", valueName: "N", environmentVariable: nil,
                                      help: "Requests per minute for this key.")
    static let options = PlatformOptions.all + [organization, keyName, role, rateLimit]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        guard let orgKey = arguments.value(organization) else { throw UsageError("--org is required") }
        guard let roleValue = Role(rawValue: arguments.value(role) ?? "admin") else {
            throw UsageError("--role must be viewer, member or admin")
        }
        let limit = arguments.value(rateLimit) == nil ? nil : try arguments.integer(rateLimit, default: 100, in: 1...1_000_000)
        let platform = try await PlatformOptions.open(arguments)
        guard let org = try await platform.identity.organization(orgKey) else {
            throw UsageError("organization '\(orgKey)' not found")
        }
        let project = try await platform.identity.projects(organizationID: org.id).first
        let (record, secret) = try await platform.identity.createAPIKey(
            organizationID: org.id, projectID: project?.id, name: arguments.value(keyName) ?? "cli key",
            role: roleValue, scopes: [], rateLimit: limit)
        try await platform.audit.record(actor: "cli", action: "key.create", organizationID: org.id, target: record.id)
        say(secret.token)
        say(secret.callableForm)
        return 0
    }
}

/// `switchboard admin create-admin-token`: a token for the /admin HTTP API.
enum AdminCreateToken: Subcommand {
    static let name = "admin create-admin-token"
    static let summary = "Create an admin API token (printed once)."
    static let options = PlatformOptions.all

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        let token = try await platform.identity.createAdminToken(name: "cli")
        try await platform.audit.record(actor: "cli", action: "admin-token.create")
        say(token)
        return 0
    }
}

/// `switchboard admin list-orgs`: organizations, one per line.
enum AdminListOrganizations: Subcommand {
    static let name = "admin list-orgs"
    static let summary = "List organizations."
    static let options = PlatformOptions.all

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let platform = try await PlatformOptions.open(arguments)
        for organization in try await platform.identity.organizations() {
            say("\(organization.id) \(organization.slug) \(organization.name)")
        }
        return 0
    }
}

/// `switchboard admin rotate-master-key`: a new vault key; every sealed value is re-sealed under it.
enum AdminRotateMasterKey: Subcommand {
    static let name = "admin rotate-master-key"
    static let summary = "Rotate the vault master key in its key file and re-seal every credential."
    static let options = PlatformOptions.all

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SWITCHBOARD_MASTER_KEY"]?.isEmpty ?? true else {
            throw UsageError("the key comes from SWITCHBOARD_MASTER_KEY; rotation needs a key file (--master-key-file)")
        }
        let database = PlatformOptions.databasePath(arguments)
        let keyFile = arguments.value(PlatformOptions.masterKeyFile) ?? database + ".master-key"
        guard FileManager.default.fileExists(atPath: keyFile) else { throw UsageError("no master key file at \(keyFile)") }
        let count = try await MasterKeyRotation.rotate(keyFile: keyFile, databasePath: database)
        say("re-sealed \(count) values; \(keyFile) now holds only the new key")
        return 0
    }
}
