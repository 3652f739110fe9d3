/// One schema change, identified by a positive version and applied at most once per database.
///
/// Each migration runs inside its own `BEGIN IMMEDIATE` transaction together with its record in
/// `schema_migrations`, so it applies completely or not at all. Statements SQLite refuses inside a
/// transaction (`VACUUM`, `PRAGMA journal_mode`, and `PRAGMA foreign_keys`, which is silently ignored there)
/// do not belong in a migration.
public struct Migration: Sendable {
    enum Body: Sendable {
        case sql(String)
        case closure(@Sendable (SQLConnection) throws -> Void)
    }

    /// The version this migration brings the schema to; versions are applied in ascending order.
    public let version: Int
    /// A short name, recorded in `schema_migrations` for people reading the database.
    public let name: String
    let body: Body

    /// A migration written as a SQL script (several `;`-separated statements allowed).
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        body = .sql(sql)
    }

    /// A migration written as Swift, for data fix-ups that SQL alone cannot express.
    public init(version: Int, name: String, apply: @escaping @Sendable (SQLConnection) throws -> Void) {
        self.version = version
        self.name = name
        body = .closure(apply)
    }

    func apply(to connection: SQLConnection) throws {
        switch body {
        case .sql(let script): try connection.executeScript(script)
        case .closure(let closure): try closure(connection)
        }
    }
}
