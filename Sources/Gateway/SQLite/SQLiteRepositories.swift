import Store

/// The wiring of the SQLite store: one database, migrated to the gateway's schema, behind every repository.
public enum SQLiteRepositories {
    /// Opens (creating and migrating) the database at `path` (`:memory:` keeps nothing) and returns its repositories.
    public static func open(path: String, migrations: [Migration] = []) throws -> Repositories {
        let database = try Database(Database.Location(path: path), migrations: GatewaySchema.migrations + migrations)
        return Repositories(
            identity: SQLiteIdentityStore(database: database),
            credentials: SQLiteCredentialRepository(database: database),
            sealedValues: SQLiteSealedValueRepository(database: database),
            audit: SQLiteAuditRepository(database: database),
            usage: SQLiteUsageRepository(database: database),
            outbox: SQLiteOutboxRepository(database: database),
            integrations: SQLiteIntegrationRepository(database: database),
            storage: SQLiteStorageAdministration(database: database),
            mcpServers: SQLiteMCPServerRepository(database: database),
            proxyCatalog: SQLiteProxyCatalogRepository(database: database),
            proxyJobs: SQLiteProxyJobRepository(database: database),
            workflows: SQLiteWorkflowRepository(database: database),
            executions: SQLiteExecutionRepository(database: database),
            connectors: SQLiteConnectorRepository(database: database),
            webhooks: SQLiteWebhookRepository(database: database),
            callables: SQLiteCallableRepository(database: database),
            agents: SQLiteAgentRepository(database: database))
    }
}
