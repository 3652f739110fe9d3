import Store

/// Agents (seed 004; an agent is a callable of seed 003) with their sealed API endpoint configuration.
enum AgentMigrations {
    static let all: [Migration] = [
        Migration(version: 30, name: "agents", sql: """
            CREATE TABLE agents (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE, name TEXT NOT NULL,
                description TEXT, model TEXT NOT NULL, instructions TEXT NOT NULL DEFAULT '', tools TEXT NOT NULL DEFAULT '[]',
                sealed_api_config TEXT, summarization TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX agents_project ON agents(org_id, project_id);
            """),
    ]
}
