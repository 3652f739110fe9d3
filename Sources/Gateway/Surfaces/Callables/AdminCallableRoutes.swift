import Crypto
import Foundation
import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// Admin API for seed 003: create, update and delete callables of a project; make packages of callables and
/// install them in other projects.
enum AdminCallableRoutes {
    static let types: Set<String> = ["request", "script", "callable-pipeline"]

    static func register(on router: inout RouterBuilder, platform: Platform) {
        router.group("/admin/organizations/{org}", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.post("/projects/{project}/callables") { request in
                let (organization, project) = try await AdminAgentRoutes.scope(request, platform)
                let fields = try fields(try request.jsonObject(), partial: false)
                let id = UUID().uuidString.lowercased()
                let now = Timestamp.now()
                try await write(platform) { connection in
                    try connection.execute("""
                        INSERT INTO callables (id, org_id, project_id, type, name, description, icon, group_name, input_schema,
                            output_schema, customization, auth, oauth_system_id, slug, config, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, .positional([.text(id), .text(organization.id), .text(project.id)] + fields.values(["type", "name",
                            "description", "icon", "group_name", "input_schema", "output_schema", "customization", "auth",
                            "oauth_system_id", "slug", "config"]) + [.text(now), .text(now)]))
                }
                return .json(try await listItem(id, platform), status: .created)
            }
            admin.put("/projects/{project}/callables/{id}") { request in
                let (organization, _) = try await AdminAgentRoutes.scope(request, platform)
                let fields = try fields(try request.jsonObject(), partial: true)
                guard !fields.assignments.isEmpty else { throw PlatformError.invalid("nothing to update") }
                let id = request.parameter("id")
                let changed = try await write(platform) { connection in
                    try connection.execute("UPDATE callables SET " + fields.assignments.map { "\($0.0) = ?" }.joined(separator: ", ")
                                           + ", updated_at = ? WHERE id = ? AND org_id = ?",
                                           .positional(fields.assignments.map(\.1) + [.text(Timestamp.now()), .text(id), .text(organization.id)]))
                }
                guard changed > 0 else { throw PlatformError.notFound("callable not found") }
                return .json(try await listItem(id, platform))
            }
            admin.delete("/projects/{project}/callables/{id}") { request in
                let (organization, _) = try await AdminAgentRoutes.scope(request, platform)
                let id = request.parameter("id")
                guard try await RowStore(database: platform.database).delete("callables", id: id, organizationID: organization.id) else {
                    throw PlatformError.notFound("callable not found")
                }
                return HTTPResponse(status: .noContent)
            }
            admin.post("/packages") { request in
                let organization = try await AdminRoutes.organization(request, platform)
                let body = try request.jsonObject()
                let name = try body.requiredString("name")
                let ids = body["callableIds"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let id = "pkg_" + SecureRandom.hexToken(bytes: 8)
                try await write(platform) { connection in
                    try connection.execute("INSERT INTO packages (id, org_id, name, created_at) VALUES (?, ?, ?, ?)",
                                           [.text(id), .text(organization.id), .text(name), .text(Timestamp.now())])
                    for callable in ids {
                        guard try connection.queryOne("SELECT id FROM callables WHERE id = ? AND org_id = ?",
                                                      [.text(callable), .text(organization.id)]) != nil else {
                            throw PlatformError.invalid("callableIds: '\(callable)' is not a callable of this organization")
                        }
                        try connection.execute("INSERT INTO package_callables (package_id, callable_id) VALUES (?, ?)",
                                               [.text(id), .text(callable)])
                    }
                }
                return .json(["id": .string(id), "name": .string(name), "callableIds": .array(ids.map(JSONValue.string))], status: .created)
            }
            admin.post("/projects/{project}/packages/{package}/install") { request in
                let (organization, project) = try await AdminAgentRoutes.scope(request, platform)
                let package = request.parameter("package")
                try await write(platform) { connection in
                    guard try connection.queryOne("SELECT id FROM packages WHERE id = ? AND org_id = ?",
                                                  [.text(package), .text(organization.id)]) != nil else {
                        throw PlatformError.notFound("package not found")
                    }
                    try connection.execute("INSERT OR IGNORE INTO package_installs (project_id, package_id) VALUES (?, ?)",
                                           [.text(project.id), .text(package)])
                }
                return .json(["installed": true, "projectId": .string(project.id), "packageId": .string(package)])
            }
        }
    }

    /// Writes in a transaction, letting platform errors through unchanged.
    static func write<T: Sendable>(_ platform: Platform, _ body: @escaping @Sendable (SQLConnection) throws -> T) async throws -> T {
        try await platform.database.transaction(body)
    }

    static func listItem(_ id: String, _ platform: Platform) async throws -> JSONValue {
        let row: Row? = try await platform.database.read { try $0.queryOne("SELECT * FROM callables WHERE id = ?", [.text(id)]) }
        guard let row else { throw PlatformError.notFound("callable not found") }
        var item = try Callable.from(row, isOwner: true).listItem
        item["config"] = RowStore.json(row, "config")
        return item
    }

    /// The documented fields of a callable, checked; schemas must compile as draft-07.
    struct Fields {
        var assignments: [(String, SQLValue)] = []
        func values(_ columns: [String]) -> [SQLValue] { columns.map { column in assignments.first { $0.0 == column }?.1 ?? .null } }
    }

    static func fields(_ body: JSONObject, partial: Bool) throws -> Fields {
        var result = Fields()
        func text(_ name: String, required: Bool = false) throws {
            if let value = try body.optionalString(name) { result.assignments.append((name, .text(value))) } else if required && !partial {
                throw PlatformError.invalid("\(name) is required")
            }
        }
        try text("name", required: true)
        if let type = try body.optionalString("type") {
            guard types.contains(type) else { throw PlatformError.invalid("type must be request, script or callable-pipeline (agents are created under /agents)") }
            result.assignments.append(("type", .text(type)))
        } else if !partial { throw PlatformError.invalid("type is required") }
        for name in ["description", "icon", "group_name", "oauth_system_id", "slug"] { try text(name) }
        let auth = try body.optionalString("auth") ?? (partial ? nil : "NONE")
        if let auth {
            guard auth == "NONE" || auth == "OAUTH" else { throw PlatformError.invalid("auth must be NONE or OAUTH") }
            result.assignments.append(("auth", .text(auth)))
        }
        for name in ["input_schema", "output_schema"] {
            if let schema = body[name] {
                do { _ = try JSONSchemaValidator(schema: schema) } catch {
                    throw PlatformError.invalid("\(name) is not a valid JSON Schema: \(error)")
                }
                result.assignments.append((name, .text(schema.serialized())))
            } else if !partial {
                // An omitted input schema asks for an object; an omitted output schema accepts anything.
                result.assignments.append((name, .text(name == "input_schema" ? #"{"type":"object"}"# : "{}")))
            }
        }
        for name in ["customization", "config"] {
            if let value = body[name] {
                guard value.objectValue != nil else { throw PlatformError.invalid("\(name) must be an object") }
                result.assignments.append((name, .text(value.serialized())))
            } else if !partial { result.assignments.append((name, .text("{}"))) }
        }
        return result
    }
}
