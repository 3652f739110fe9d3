import Store

/// Every migration of the gateway, platform first, then each surface's (numbered in separate ranges).
enum GatewaySchema {
    static let migrations: [Migration] = PlatformMigrations.all + AIProxyMigrations.all
}
