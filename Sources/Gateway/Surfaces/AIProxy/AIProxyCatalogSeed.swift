import Store

/// The services seed 000 documents, with their real base URLs (the upstream client maps them to the mock
/// or to real providers by configuration). ElevenLabs: the seed's three endpoints. HeyGen: the six an
/// integration needs (avatars, voices, generate, status, quota, asset upload), per upstreams/ENDPOINTS.md §3a.
enum AIProxyCatalogSeed {
    struct Endpoint {
        let slug, path, method, requestMode, responseMode: String
        var streaming = false
        var callback = "none"
        var baseURL: String?
        var jobRole: String?
    }

    static func apply(_ connection: SQLConnection) throws {
        try insertService(connection, slug: "elevenlabs", name: "ElevenLabs", type: "tts",
                          baseURL: "https://api.elevenlabs.io", provider: "elevenlabs", authName: "xi-api-key",
                          async: false, streaming: true, position: 0, endpoints: [
                            Endpoint(slug: "list-voices", path: "/v1/voices", method: "GET", requestMode: "json", responseMode: "json"),
                            Endpoint(slug: "list-models", path: "/v1/models", method: "GET", requestMode: "json", responseMode: "json"),
                            Endpoint(slug: "tts", path: "/v1/text-to-speech/{voice_id}", method: "POST", requestMode: "json",
                                     responseMode: "binary", streaming: true),
                          ])
        try insertService(connection, slug: "heygen", name: "HeyGen", type: "video",
                          baseURL: "https://api.heygen.com", provider: "heygen", authName: "X-Api-Key",
                          async: true, streaming: false, position: 1, endpoints: [
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
                          ])
    }

    private static func insertService(
        _ connection: SQLConnection, slug: String, name: String, type: String, baseURL: String, provider: String,
        authName: String, async: Bool, streaming: Bool, position: Int, endpoints: [Endpoint]
    ) throws {
        try connection.execute("""
            INSERT INTO proxy_services (slug, display_name, service_type, base_url, provider, auth_mode, auth_name,
                supports_async_jobs, supports_streaming, credential_name, position)
            VALUES (?, ?, ?, ?, ?, 'header', ?, ?, ?, ?, ?)
            """, [.text(slug), .text(name), .text(type), .text(baseURL), .text(provider), .text(authName),
                  .integer(async ? 1 : 0), .integer(streaming ? 1 : 0), .text(slug), .integer(Int64(position))])
        for (index, endpoint) in endpoints.enumerated() {
            try connection.execute("""
                INSERT INTO proxy_endpoints (service_slug, slug, path_template, http_method, request_mode, response_mode,
                    supports_streaming, callback_mode, base_url, job_role, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(slug), .text(endpoint.slug), .text(endpoint.path), .text(endpoint.method),
                      .text(endpoint.requestMode), .text(endpoint.responseMode), .integer(endpoint.streaming ? 1 : 0),
                      .text(endpoint.callback), SQLValue(endpoint.baseURL), SQLValue(endpoint.jobRole),
                      .integer(Int64(index))])
        }
    }
}
