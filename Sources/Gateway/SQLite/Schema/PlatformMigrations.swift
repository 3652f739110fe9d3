import Store

/// The platform's tables: organizations, projects, members, API keys, admin tokens, sealed credentials,
/// settings and the audit log. Surfaces append their own migrations after these.
enum PlatformMigrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "identity", sql: """
            CREATE TABLE organizations (
                id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE projects (
                id TEXT PRIMARY KEY,
                org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                name TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE INDEX projects_org ON projects(org_id);
            CREATE TABLE members (
                id TEXT PRIMARY KEY,
                org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                email TEXT NOT NULL, name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'member', 'admin')),
                created_at TEXT NOT NULL, UNIQUE (org_id, email));
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
                name TEXT NOT NULL, secret_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'member', 'admin')),
                scopes TEXT NOT NULL DEFAULT '[]', rate_limit INTEGER,
                created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT);
            CREATE INDEX api_keys_org ON api_keys(org_id);
            CREATE TABLE admin_tokens (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL,
                created_at TEXT NOT NULL, revoked_at TEXT);
            """),
        Migration(version: 2, name: "vault", sql: """
            CREATE TABLE credentials (
                id TEXT PRIMARY KEY,
                org_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
                scope TEXT NOT NULL CHECK (scope IN ('tenant', 'service', 'platform')),
                name TEXT NOT NULL, description TEXT, type TEXT NOT NULL, provider TEXT NOT NULL,
                sealed_data TEXT NOT NULL, metadata TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX credentials_org ON credentials(org_id);
            CREATE UNIQUE INDEX credentials_service ON credentials(org_id, provider) WHERE scope = 'service';
            CREATE UNIQUE INDEX credentials_platform ON credentials(provider) WHERE scope = 'platform';
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
        Migration(version: 3, name: "audit", sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
                action TEXT NOT NULL, org_id TEXT, target TEXT, detail TEXT NOT NULL DEFAULT '{}');
            CREATE INDEX audit_log_org ON audit_log(org_id, id);
            """),
        Migration(version: 4, name: "usage and jobs", sql: """
            CREATE TABLE usage_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, org_id TEXT NOT NULL, surface TEXT NOT NULL,
                provider TEXT NOT NULL, operation TEXT NOT NULL, status INTEGER NOT NULL, latency_ms INTEGER NOT NULL,
                prompt_tokens INTEGER NOT NULL DEFAULT 0, completion_tokens INTEGER NOT NULL DEFAULT 0, error TEXT);
            CREATE INDEX usage_events_org ON usage_events(org_id, at);
            CREATE TABLE upstream_jobs (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL, service TEXT NOT NULL, upstream_id TEXT NOT NULL,
                status TEXT NOT NULL, callback_url TEXT, callback_delivered INTEGER NOT NULL DEFAULT 0,
                result TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX upstream_jobs_org ON upstream_jobs(org_id);
            """),
        Migration(version: 5, name: "outbox", sql: """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY, org_id TEXT, kind TEXT NOT NULL, url TEXT NOT NULL, headers TEXT NOT NULL,
                body BLOB NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, backoff_ms INTEGER NOT NULL,
                next_attempt_at TEXT NOT NULL, last_status INTEGER, last_error TEXT, created_at TEXT NOT NULL,
                delivered_at TEXT, subject TEXT);
            CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
            CREATE INDEX outbox_subject ON outbox(subject);
            """),
        Migration(version: 6, name: "registered integrations", sql: """
            CREATE TABLE registered_integrations (
                org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, key TEXT NOT NULL,
                definition TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (org_id, key));
            CREATE TABLE mcp_servers (
                org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, key TEXT NOT NULL, name TEXT NOT NULL,
                url TEXT NOT NULL, tools TEXT NOT NULL, sealed_headers TEXT, created_at TEXT NOT NULL,
                PRIMARY KEY (org_id, key));
            """),
    ]
}
