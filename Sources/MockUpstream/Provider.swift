/// A provider the mock upstream replays, addressed by the path prefix named after it (`/openai/v1/…`).
public struct Provider: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The provider's name, which is also its path prefix without the slash.
    public let rawValue: String

    /// A provider by name; nil when the mock does not know it.
    public init?(rawValue: String) {
        guard Provider.all.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    public var description: String { rawValue }

    /// The prefix requests for this provider start with, e.g. `/openai`.
    public var pathPrefix: String { "/" + rawValue }

    /// OpenAI: `https://api.openai.com` (upstreams/ENDPOINTS.md §1).
    public static let openai = Provider(known: "openai")
    /// ElevenLabs: `https://api.elevenlabs.io` (ENDPOINTS.md §2).
    public static let elevenlabs = Provider(known: "elevenlabs")
    /// HeyGen: `https://api.heygen.com` and `https://upload.heygen.com` (ENDPOINTS.md §3).
    public static let heygen = Provider(known: "heygen")
    /// Hugging Face: `https://router.huggingface.co` and `https://api-inference.huggingface.co` (ENDPOINTS.md §7).
    public static let huggingface = Provider(known: "huggingface")
    /// Stripe: `https://api.stripe.com` (ENDPOINTS.md §4).
    public static let stripe = Provider(known: "stripe")
    /// Slack: `https://slack.com` (ENDPOINTS.md §5).
    public static let slack = Provider(known: "slack")
    /// Discord: `https://discord.com` (ENDPOINTS.md §6).
    public static let discord = Provider(known: "discord")

    /// Every provider, in the order the README lists them.
    public static let all: [Provider] = [.elevenlabs, .heygen, .openai, .huggingface, .stripe, .slack, .discord]
}
