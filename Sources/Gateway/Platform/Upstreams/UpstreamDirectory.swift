/// Where each provider really is: the public base URLs the catalogs name, redirected by configuration to the
/// mock upstream (the default `serve`, tests) or anywhere else.
///
/// A service names its real base URL (`https://api.elevenlabs.io`); the directory knows which provider that
/// host belongs to and substitutes the configured base for that provider, keeping the path.
public struct UpstreamDirectory: Sendable {
    /// Real hosts and the provider each belongs to (upstreams/ENDPOINTS.md).
    public static let knownHosts: [String: String] = [
        "https://api.elevenlabs.io": "elevenlabs", "https://api.heygen.com": "heygen",
        "https://upload.heygen.com": "heygen", "https://api.openai.com": "openai",
        "https://api-inference.huggingface.co": "huggingface", "https://router.huggingface.co": "huggingface",
        "https://api.stripe.com": "stripe", "https://slack.com": "slack", "https://discord.com": "discord",
    ]

    /// Every provider the platform's upstream catalog knows.
    public static let providers = ["discord", "elevenlabs", "heygen", "huggingface", "openai", "slack", "stripe"]

    /// Provider → base URL that replaces the real host (e.g. `http://127.0.0.1:9000/openai`).
    public var overrides: [String: String]

    public init(overrides: [String: String] = [:]) {
        self.overrides = overrides
    }

    /// All providers pointed at a mock upstream serving each under `/<provider>`.
    public static func mock(baseURL: String) -> UpstreamDirectory {
        UpstreamDirectory(overrides: Dictionary(uniqueKeysWithValues: providers.map { ($0, "\(baseURL)/\($0)") }))
    }

    /// The URL to call for a real base URL and path: overridden when the host's provider is configured.
    public func url(base: String, path: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        if let provider = Self.knownHosts[trimmed], let override = overrides[provider] {
            return override + path
        }
        return trimmed + path
    }

    /// The provider a base URL belongs to, or its host when unknown.
    public func provider(for base: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return Self.knownHosts[trimmed] ?? trimmed
    }
}
