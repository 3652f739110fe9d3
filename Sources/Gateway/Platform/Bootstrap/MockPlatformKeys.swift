import JSONSchema

/// Platform keys for every provider, shaped as each provider's keys are, so a fresh `serve` against the embedded
/// mock upstream works out of the box. They are not real keys and only the mock accepts them.
public enum MockPlatformKeys {
    public static let keys: [String: JSONValue] = [
        "elevenlabs": ["key": "demo-elevenlabs-key"], "heygen": ["key": "demo-heygen-key"],
        "openai": ["key": "sk-demo-openai-key"], "huggingface": ["key": "hf_demoSwitchboardKey"],
        "slack": ["bot_token": "xoxb-demo-token"], "stripe": ["secret_key": "sk_test_demoSwitchboardKey"],
        "discord": ["bot_token": "demo-discord-token"],
    ]

    public static func install(_ platform: Platform) async throws {
        for (provider, data) in keys.sorted(by: { $0.key < $1.key }) {
            _ = try await platform.credentials.put(organizationID: nil, scope: .platform, provider: provider, data: data)
        }
    }
}
