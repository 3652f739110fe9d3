import Store

/// Seed 003's callables (request, script, callable-pipeline; agents live in the agents table) and packages
/// that share callables with other projects.
enum CallableMigrations {
    static let all: [Migration] = [
        Migration(version: 40, name: "callables", sql: """
            CREATE TABLE callables (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
                project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                type TEXT NOT NULL CHECK (type IN ('request', 'script', 'callable-pipeline')), name TEXT NOT NULL,
                description TEXT, icon TEXT, group_name TEXT, input_schema TEXT NOT NULL, output_schema TEXT NOT NULL,
                customization TEXT NOT NULL DEFAULT '{}', auth TEXT NOT NULL DEFAULT 'NONE' CHECK (auth IN ('NONE', 'OAUTH')),
                oauth_system_id TEXT, slug TEXT, config TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE UNIQUE INDEX callables_slug ON callables(project_id, slug) WHERE slug IS NOT NULL;
            CREATE TABLE packages (
                id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, name TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE package_callables (package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
                callable_id TEXT NOT NULL REFERENCES callables(id) ON DELETE CASCADE, PRIMARY KEY (package_id, callable_id));
            CREATE TABLE package_installs (project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE, PRIMARY KEY (project_id, package_id));
            """),
    ]
}
