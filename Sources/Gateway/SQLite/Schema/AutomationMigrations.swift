import Store

/// Seed 002's tables: workflows, executions (with per-step results), connector instances and webhooks.
enum AutomationMigrations {
    static let all: [Migration] = [
        Migration(version: 20, name: "automation", sql: """
            CREATE TABLE workflows (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                name TEXT NOT NULL, description TEXT, definition TEXT NOT NULL, is_public INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX workflows_org ON workflows(org_id, created_at);
            CREATE TABLE executions (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL, workflow_id TEXT NOT NULL, status TEXT NOT NULL,
                input TEXT NOT NULL, steps TEXT NOT NULL DEFAULT '[]', output TEXT, error TEXT,
                cancel_requested INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL, finished_at TEXT);
            CREATE INDEX executions_org ON executions(org_id, started_at);
            CREATE TABLE connectors (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                name TEXT NOT NULL, type TEXT NOT NULL, credential_id TEXT, config TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL);
            CREATE TABLE webhooks (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                name TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, headers TEXT NOT NULL DEFAULT '{}',
                retry_policy TEXT NOT NULL, sealed_secret TEXT NOT NULL, is_active INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL);
            """),
    ]
}
