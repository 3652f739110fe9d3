import JSONSchema
import Store

/// `CallableRepository` over the `callables`, `packages`, `package_callables` and `package_installs` tables;
/// schemas, customization and config kept as JSON text in columns named as the fields.
struct SQLiteCallableRepository: CallableRepository {
    let database: Database
    static let columns = ["type", "name", "description", "icon", "group_name", "input_schema", "output_schema",
                          "customization", "auth", "oauth_system_id", "slug", "config"]
    static let jsonColumns: Set<String> = ["input_schema", "output_schema", "customization", "config"]

    func callables(projectID: String, organizationID: String) async throws -> (own: [Callable], installed: [Callable]) {
        let (own, shared): ([Row], [Row]) = try await database.read { connection in
            (try connection.query("SELECT * FROM callables WHERE project_id = ? AND org_id = ?", [.text(projectID), .text(organizationID)]),
             try connection.query("""
                SELECT DISTINCT c.* FROM callables c JOIN package_callables pc ON pc.callable_id = c.id
                JOIN package_installs pi ON pi.package_id = pc.package_id WHERE pi.project_id = ? AND c.project_id != ?
                """, [.text(projectID), .text(projectID)]))
        }
        return (try own.map { try Self.callable($0, isOwner: true) }, try shared.map { try Self.callable($0, isOwner: false) })
    }

    func callable(id: String) async throws -> Callable? {
        let row: Row? = try await database.read { try $0.queryOne("SELECT * FROM callables WHERE id = ?", [.text(id)]) }
        return try row.map { try Self.callable($0, isOwner: true) }
    }

    func insert(id: String, organizationID: String, projectID: String, fields: CallableFields, at: String) async throws {
        let values = Self.columns.map { column in Self.value(fields.assignments.first { $0.0 == column }?.1, column: column) }
        try await rejectingDuplicates { try await database.transaction { connection in
            try connection.execute("""
                INSERT INTO callables (id, org_id, project_id, type, name, description, icon, group_name, input_schema,
                    output_schema, customization, auth, oauth_system_id, slug, config, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, .positional([.text(id), .text(organizationID), .text(projectID)] + values + [.text(at), .text(at)]))
        } }
    }

    func update(id: String, organizationID: String, fields: CallableFields, at: String) async throws -> Bool {
        let assignments = fields.assignments.filter { Self.columns.contains($0.0) }
        let changed = try await rejectingDuplicates { try await database.transaction { connection in
            try connection.execute("UPDATE callables SET " + assignments.map { "\($0.0) = ?" }.joined(separator: ", ")
                                   + ", updated_at = ? WHERE id = ? AND org_id = ?",
                                   .positional(assignments.map { Self.value($0.1, column: $0.0) }
                                               + [.text(at), .text(id), .text(organizationID)]))
        } }
        return changed > 0
    }

    func delete(id: String, organizationID: String) async throws -> Bool {
        try await OrganizationRows(database: database).delete("callables", id: id, organizationID: organizationID)
    }

    func insertPackage(id: String, organizationID: String, name: String, callableIDs: [String], at: String) async throws {
        try await database.transaction { connection in
            try connection.execute("INSERT INTO packages (id, org_id, name, created_at) VALUES (?, ?, ?, ?)",
                                   [.text(id), .text(organizationID), .text(name), .text(at)])
            for callable in callableIDs {
                guard try connection.queryOne("SELECT id FROM callables WHERE id = ? AND org_id = ?",
                                              [.text(callable), .text(organizationID)]) != nil else {
                    throw PlatformError.invalid("callableIds: '\(callable)' is not a callable of this organization")
                }
                try connection.execute("INSERT INTO package_callables (package_id, callable_id) VALUES (?, ?)",
                                       [.text(id), .text(callable)])
            }
        }
    }

    func install(packageID: String, projectID: String, organizationID: String) async throws {
        try await database.transaction { connection in
            guard try connection.queryOne("SELECT id FROM packages WHERE id = ? AND org_id = ?",
                                          [.text(packageID), .text(organizationID)]) != nil else {
                throw PlatformError.notFound("package not found")
            }
            try connection.execute("INSERT OR IGNORE INTO package_installs (project_id, package_id) VALUES (?, ?)",
                                   [.text(projectID), .text(packageID)])
        }
    }

    /// A field's value as its column holds it: JSON text for the JSON fields, the string for the others.
    private static func value(_ value: JSONValue?, column: String) -> SQLValue {
        guard let value else { return .null }
        if jsonColumns.contains(column) { return .text(value.serialized()) }
        return value.stringValue.map(SQLValue.text) ?? .null
    }

    static func callable(_ row: Row, isOwner: Bool) throws -> Callable {
        Callable(id: try row.require("id"), type: try row.require("type"), name: try row.require("name"),
                 description: try row.string("description"), icon: try row.string("icon"), groupName: try row.string("group_name"),
                 inputSchema: row.json("input_schema"), outputSchema: row.json("output_schema"),
                 customization: row.json("customization"), auth: try row.require("auth"),
                 oauthSystemID: try row.string("oauth_system_id"), isOwner: isOwner, slug: try row.string("slug"),
                 config: row.json("config"), organizationID: try row.require("org_id"))
    }
}
