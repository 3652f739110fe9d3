import Store

/// Every migration of the gateway, platform first, then each surface's (numbered in separate ranges); tools that
/// open a gateway database or an export pass this list.
public enum GatewaySchema {
    public static let migrations: [Migration] = PlatformMigrations.all + AIProxyMigrations.all + AutomationMigrations.all
        + AgentMigrations.all + CallableMigrations.all
}
