import Crypto
import Foundation
import HTTPClient
import Store

/// The services every surface shares: one store, one identity model, one vault, one rate limiter.
public final class Platform: Sendable {
    /// Every persistent store, behind its protocol.
    public let repositories: Repositories
    public let identity: any IdentityStore
    public let vault: Vault
    public let credentials: CredentialStore
    public let tokens: TokenIssuer
    public let authenticator: Authenticator
    public let limiter: RateLimiter
    public let audit: AuditLog
    public let usage: UsageMeter
    public let breakers: CircuitBreakers
    /// The one outbound path to providers, for every surface.
    public let upstream: UpstreamClient
    /// Persisted outgoing deliveries (webhooks, job callbacks).
    public let outbox: Outbox
    /// The Node.js executable for script callables, or nil when none was found.
    public let nodeExecutable: String?

    /// Settings for opening the platform.
    public struct Options: Sendable {
        public var databasePath: String
        public var masterKey: MasterKeySource
        public var defaultRateLimit: Int
        /// Extra migrations, numbered after the gateway's.
        public var migrations: [Migration]
        /// Where providers are (real hosts unless overridden, e.g. by the mock upstream).
        public var upstreams: UpstreamDirectory
        public var breakerSettings: CircuitBreakers.Settings
        /// How often the outbox and job watchers look for due work.
        public var outboxPollInterval: Duration = .milliseconds(200)
        /// Node.js for script callables; nil looks for `node` on PATH; a path that is not executable means none.
        public var nodePath: String?

        public init(databasePath: String, masterKey: MasterKeySource? = nil, defaultRateLimit: Int = 100,
                    migrations: [Migration] = [], upstreams: UpstreamDirectory = UpstreamDirectory(),
                    breakerSettings: CircuitBreakers.Settings = CircuitBreakers.Settings()) {
            self.upstreams = upstreams
            self.breakerSettings = breakerSettings
            self.databasePath = databasePath
            self.masterKey = masterKey ?? (databasePath == ":memory:" ? .ephemeral : .file(databasePath + ".master-key"))
            self.defaultRateLimit = defaultRateLimit
            self.migrations = migrations
        }
    }

    /// Opens the store (the one place that picks the repositories: SQLite at `databasePath`, migrated), loads the
    /// master key, and prepares the JWT signing key.
    public static func open(_ options: Options) async throws -> Platform {
        let repositories = try SQLiteRepositories.open(path: options.databasePath, migrations: options.migrations)
        return try await open(repositories: repositories, options: options)
    }

    /// Opens the platform over the given repositories (`options.databasePath` and `migrations` are not used).
    public static func open(repositories: Repositories, options: Options) async throws -> Platform {
        let keyring = try options.masterKey.loadKeyring()
        let vault = Vault(keyring: keyring, sealedValues: repositories.sealedValues)
        let signingKey = try await loadSigningKey(identity: repositories.identity, vault: vault)
        return Platform(repositories: repositories, vault: vault, signingKey: signingKey, options: options)
    }

    init(repositories: Repositories, vault: Vault, signingKey: [UInt8], options: Options) {
        self.repositories = repositories
        self.identity = repositories.identity
        self.vault = vault
        self.credentials = CredentialStore(repository: repositories.credentials, vault: vault)
        self.tokens = TokenIssuer(key: signingKey)
        self.authenticator = Authenticator(identity: identity, tokens: tokens)
        self.limiter = RateLimiter(defaultLimit: options.defaultRateLimit)
        self.audit = AuditLog(repository: repositories.audit)
        self.usage = UsageMeter(repository: repositories.usage)
        self.breakers = CircuitBreakers(settings: options.breakerSettings)
        let http = HTTPClient()
        self.upstream = UpstreamClient(http: http, directory: options.upstreams, breakers: breakers, usage: usage)
        self.outbox = Outbox(repository: repositories.outbox, http: http, pollInterval: options.outboxPollInterval)
        self.nodeExecutable = NodeLocator.resolve(configured: options.nodePath)
    }

    /// The HS256 key for member JWTs, sealed in settings; made on first start.
    private static func loadSigningKey(identity: any IdentityStore, vault: Vault) async throws -> [UInt8] {
        let name = "jwt_signing_key"
        if let sealed = try await identity.setting(name) { return try vault.openSetting(sealed, name: name) }
        let key = Array(SecureRandom.bytes(count: 32))
        try await identity.setSetting(name, value: try vault.sealSetting(key, name: name))
        return key
    }
}
