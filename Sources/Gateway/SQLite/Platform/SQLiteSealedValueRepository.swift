import Store

/// `SealedValueRepository` over every table with a sealed column, re-sealed in one transaction.
struct SQLiteSealedValueRepository: SealedValueRepository {
    let database: Database

    /// One sealed column: how to list (`k`, `v`) pairs, how to store a fresh envelope by `k`, and whose it is.
    struct Source: Sendable {
        let select: String
        let update: String
        let owner: @Sendable (String) -> SealedValueOwner
    }

    static let sources = [
        Source(select: "SELECT id AS k, sealed_data AS v FROM credentials",
               update: "UPDATE credentials SET sealed_data = ? WHERE id = ?", owner: { .credential(id: $0) }),
        Source(select: "SELECT name AS k, value AS v FROM settings WHERE value LIKE 'sb1:%'",
               update: "UPDATE settings SET value = ? WHERE name = ?", owner: { .setting(name: $0) }),
        Source(select: "SELECT id AS k, sealed_secret AS v FROM webhooks",
               update: "UPDATE webhooks SET sealed_secret = ? WHERE id = ?", owner: { .setting(name: "webhook:\($0)") }),
        Source(select: "SELECT id AS k, sealed_api_config AS v FROM agents WHERE sealed_api_config IS NOT NULL",
               update: "UPDATE agents SET sealed_api_config = ? WHERE id = ?", owner: { .value(boundTo: "agent:\($0)") }),
        Source(select: "SELECT org_id || ':' || key AS k, sealed_headers AS v FROM mcp_servers WHERE sealed_headers IS NOT NULL",
               update: "UPDATE mcp_servers SET sealed_headers = ? WHERE org_id || ':' || key = ?",
               owner: { .value(boundTo: "mcp:\($0)") }),
    ]

    func resealAll(_ reseal: @escaping @Sendable (_ envelope: String, _ owner: SealedValueOwner) throws -> String?)
        async throws -> Int {
        try await database.transaction { connection in
            var changed = 0
            for source in Self.sources {
                for row in try connection.query(source.select) {
                    let key = try row.require("k", as: String.self)
                    let sealed = try row.require("v", as: String.self)
                    guard let fresh = try reseal(sealed, source.owner(key)) else { continue }
                    changed += try connection.execute(source.update, [.text(fresh), .text(key)])
                }
            }
            return changed
        }
    }
}
