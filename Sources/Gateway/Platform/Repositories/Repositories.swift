/// Every persistent store of the gateway, as protocols: platform services and surfaces depend on these only.
/// `SQLiteRepositories.open` builds the SQLite set; another engine adds conforming types and its own `open`.
public struct Repositories: Sendable {
    public var identity: any IdentityStore
    public var credentials: any CredentialRepository
    public var sealedValues: any SealedValueRepository
    public var audit: any AuditRepository
    public var usage: any UsageRepository
    public var outbox: any OutboxRepository
    public var integrations: any IntegrationRepository
    public var storage: any StorageAdministration
    var mcpServers: any MCPServerRepository
    var proxyCatalog: any ProxyCatalogRepository
    var proxyJobs: any ProxyJobRepository
    var workflows: any WorkflowRepository
    var executions: any ExecutionRepository
    var connectors: any ConnectorRepository
    var webhooks: any WebhookRepository
    var callables: any CallableRepository
    var agents: any AgentRepository
}
