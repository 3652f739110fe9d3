import Store

/// `SealedValueRepository` over the `credentials` and `settings` tables, re-sealed in one transaction.
struct SQLiteSealedValueRepository: SealedValueRepository {
    let database: Database

    func resealAll(_ reseal: @escaping @Sendable (_ envelope: String, _ owner: SealedValueOwner) throws -> String?)
        async throws -> Int {
        try await database.transaction { connection in
            var changed = 0
            for row in try connection.query("SELECT id, sealed_data FROM credentials") {
                let id = try row.require("id", as: String.self)
                let sealed = try row.require("sealed_data", as: String.self)
                guard let fresh = try reseal(sealed, .credential(id: id)) else { continue }
                changed += try connection.execute("UPDATE credentials SET sealed_data = ? WHERE id = ?", [.text(fresh), .text(id)])
            }
            for row in try connection.query("SELECT name, value FROM settings WHERE value LIKE 'sb1:%'") {
                let name = try row.require("name", as: String.self)
                let sealed = try row.require("value", as: String.self)
                guard let fresh = try reseal(sealed, .setting(name: name)) else { continue }
                changed += try connection.execute("UPDATE settings SET value = ? WHERE name = ?", [.text(fresh), .text(name)])
            }
            return changed
        }
    }
}
