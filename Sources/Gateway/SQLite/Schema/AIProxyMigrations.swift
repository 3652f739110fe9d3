import Store

/// Seed 000's service catalog as data: services and their endpoints, seeded with ElevenLabs and HeyGen
/// and editable through the admin API. Upstream jobs (HeyGen renders) are rows too, so they survive restarts.
enum AIProxyMigrations {
    static let all: [Migration] = [
        Migration(version: 10, name: "proxy catalog", sql: """
            CREATE TABLE proxy_services (
                slug TEXT PRIMARY KEY, display_name TEXT NOT NULL, service_type TEXT NOT NULL,
                base_url TEXT NOT NULL, provider TEXT NOT NULL,
                auth_mode TEXT NOT NULL CHECK (auth_mode IN ('header', 'bearer', 'query')), auth_name TEXT NOT NULL,
                is_enabled INTEGER NOT NULL DEFAULT 1, supports_async_jobs INTEGER NOT NULL DEFAULT 0,
                supports_streaming INTEGER NOT NULL DEFAULT 0, default_timeout_seconds INTEGER NOT NULL DEFAULT 60,
                credential_name TEXT NOT NULL, allow_tenant_key INTEGER NOT NULL DEFAULT 1,
                allow_platform_key INTEGER NOT NULL DEFAULT 1,
                default_source TEXT NOT NULL DEFAULT 'tenant' CHECK (default_source IN ('tenant', 'platform')),
                fallback_to_platform_key INTEGER NOT NULL DEFAULT 1, credential_schema TEXT NOT NULL DEFAULT '{"key":"string"}',
                position INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE proxy_endpoints (
                service_slug TEXT NOT NULL REFERENCES proxy_services(slug) ON DELETE CASCADE, slug TEXT NOT NULL,
                path_template TEXT NOT NULL, http_method TEXT NOT NULL,
                request_mode TEXT NOT NULL CHECK (request_mode IN ('json', 'multipart', 'binary', 'form', 'none')),
                response_mode TEXT NOT NULL CHECK (response_mode IN ('json', 'binary', 'passthrough', 'stream')),
                supports_streaming INTEGER NOT NULL DEFAULT 0,
                callback_mode TEXT NOT NULL DEFAULT 'none' CHECK (callback_mode IN ('none', 'webhook', 'poll')),
                is_enabled INTEGER NOT NULL DEFAULT 1, base_url TEXT, job_role TEXT CHECK (job_role IN ('submit', 'status')),
                position INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (service_slug, slug));
            """),
        Migration(version: 11, name: "proxy catalog seed", apply: ProxyCatalogSeedRows.apply),
    ]
}
