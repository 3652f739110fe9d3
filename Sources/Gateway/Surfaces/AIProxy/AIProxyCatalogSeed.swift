/// The services seed 000 documents, with their real base URLs (the upstream client maps them to the mock
/// or to real providers by configuration). ElevenLabs: the seed's three endpoints. HeyGen: the six an
/// integration needs (avatars, voices, generate, status, quota, asset upload), per upstreams/ENDPOINTS.md §3a.
enum AIProxyCatalogSeed {
    struct Service {
        let slug, name, type, baseURL, provider, authName: String
        let async, streaming: Bool
        let endpoints: [Endpoint]
    }

    struct Endpoint {
        let slug, path, method, requestMode, responseMode: String
        var streaming = false
        var callback = "none"
        var baseURL: String?
        var jobRole: String?
    }

    /// The seeded services, in catalog order.
    static let services: [Service] = [
        Service(slug: "elevenlabs", name: "ElevenLabs", type: "tts", baseURL: "https://api.elevenlabs.io",
                provider: "elevenlabs", authName: "xi-api-key", async: false, streaming: true, endpoints: [
                    Endpoint(slug: "list-voices", path: "/v1/voices", method: "GET", requestMode: "json", responseMode: "json"),
                    Endpoint(slug: "list-models", path: "/v1/models", method: "GET", requestMode: "json", responseMode: "json"),
                    Endpoint(slug: "tts", path: "/v1/text-to-speech/{voice_id}", method: "POST", requestMode: "json",
                             responseMode: "binary", streaming: true),
                ]),
        Service(slug: "heygen", name: "HeyGen", type: "video", baseURL: "https://api.heygen.com",
                provider: "heygen", authName: "X-Api-Key", async: true, streaming: false, endpoints: [
                    Endpoint(slug: "list-avatars", path: "/v2/avatars", method: "GET", requestMode: "json", responseMode: "json"),
                    Endpoint(slug: "list-voices", path: "/v2/voices", method: "GET", requestMode: "json", responseMode: "json"),
                    Endpoint(slug: "generate-video", path: "/v2/video/generate", method: "POST", requestMode: "json",
                             responseMode: "json", callback: "webhook", jobRole: "submit"),
                    Endpoint(slug: "video-status", path: "/v1/video_status.get", method: "GET", requestMode: "json",
                             responseMode: "json", jobRole: "status"),
                    Endpoint(slug: "remaining-quota", path: "/v2/user/remaining_quota", method: "GET", requestMode: "json",
                             responseMode: "json"),
                    Endpoint(slug: "upload-asset", path: "/v1/asset", method: "POST", requestMode: "binary",
                             responseMode: "json", baseURL: "https://upload.heygen.com"),
                ]),
    ]
}
