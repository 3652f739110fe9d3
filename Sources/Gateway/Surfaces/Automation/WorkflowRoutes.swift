import Crypto
import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// Seed 002 `/api/v1/workflows`: list (paginated), create (validated), get, replace, patch, delete, execute.
enum WorkflowRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform, engine: WorkflowEngine) {
        let rows = RowStore(database: platform.database)
        group.get("/workflows") { request in
            let principal = try request.principal()
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await rows.page("workflows", organizationID: principal.organization.id,
                                                     limit: page.limit, offset: page.offset)
            var response = HTTPResponse.json(.array(found.map { summary($0) }))
            response.headers.add(name: "X-Total-Count", value: String(total))
            return response
        }
        group.post("/workflows") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let body = try request.jsonObject()
            let name = try body.requiredString("name")
            let problems = try await WorkflowDefinition.problems(body["definition"], organizationID: principal.organization.id,
                                                                 database: platform.database)
            guard problems.isEmpty else { throw WorkflowDefinition.error(problems) }
            let id = "wf_" + SecureRandom.hexToken(bytes: 10)
            let now = Timestamp.now()
            try await platform.database.write { connection in
                try connection.execute("""
                    INSERT INTO workflows (id, org_id, name, description, definition, is_public, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.text(id), .text(principal.organization.id), .text(name), SQLValue(try body.optionalString("description")),
                          .text(body["definition"]?.serialized() ?? "{}"), .integer(body["isPublic"]?.boolValue == true ? 1 : 0),
                          .text(now), .text(now)])
            }
            return .json(try await detail(id, principal.organization.id, rows), status: .created)
        }
        group.get("/workflows/{id}") { request in
            .json(try await detail(request.parameter("id"), try request.principal().organization.id, rows))
        }
        for method in [HTTPMethod.put, .patch] {
            group.add(method, "/workflows/{id}") { request in
                let principal = try request.principal()
                try principal.require(.member)
                return .json(try await update(request, replace: method == .put, principal: principal, platform: platform, rows: rows))
            }
        }
        group.delete("/workflows/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await rows.delete("workflows", id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Workflow not found")
            }
            return HTTPResponse(status: .noContent)
        }
        group.post("/workflows/{id}/execute") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let id = request.parameter("id")
            guard let row = try await rows.row("workflows", id: id, organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Workflow not found")
            }
            let body = request.bodyBytes.isEmpty ? [:] : try request.jsonObject()
            let input = body["input"] ?? [:]
            guard input.objectValue != nil else { throw PlatformError.invalid("input must be a JSON object") }
            let execution = try await engine.start(workflow: row, input: input, organizationID: principal.organization.id)
            return .json(execution, status: .accepted)
        }
    }

    static func summary(_ row: Row) -> JSONValue {
        ["id": .string((try? row.require("id", as: String.self)) ?? ""), "name": .string((try? row.require("name", as: String.self)) ?? ""),
         "description": ((try? row.string("description")) ?? nil).map(JSONValue.string) ?? nil,
         "isPublic": .bool(((try? row.int("is_public")) ?? 0) == 1),
         "createdAt": .string((try? row.require("created_at", as: String.self)) ?? ""),
         "updatedAt": .string((try? row.require("updated_at", as: String.self)) ?? "")]
    }

    static func detail(_ id: String, _ organizationID: String, _ rows: RowStore) async throws -> JSONValue {
        guard let row = try await rows.row("workflows", id: id, organizationID: organizationID) else {
            throw PlatformError.notFound("Workflow not found")
        }
        var value = summary(row)
        value["definition"] = RowStore.json(row, "definition")
        return value
    }

    /// PUT replaces name, description, definition and isPublic (name and definition required); PATCH changes
    /// only the fields given. A new definition is validated like on create.
    static func update(_ request: HTTPRequest, replace: Bool, principal: Principal, platform: Platform, rows: RowStore)
        async throws -> JSONValue {
        let id = request.parameter("id")
        guard let row = try await rows.row("workflows", id: id, organizationID: principal.organization.id) else {
            throw PlatformError.notFound("Workflow not found")
        }
        let body = try request.jsonObject()
        let existingName: String = try row.require("name")
        let name = replace ? try body.requiredString("name") : try body.optionalString("name") ?? existingName
        let definition = replace ? body["definition"] : body["definition"] ?? RowStore.json(row, "definition")
        let problems = try await WorkflowDefinition.problems(definition, organizationID: principal.organization.id, database: platform.database)
        guard problems.isEmpty else { throw WorkflowDefinition.error(problems) }
        let oldDescription = try row.string("description")
        let description = body.keys.contains("description") ? try body.optionalString("description") : (replace ? nil : oldDescription)
        let wasPublic = (try row.int("is_public") ?? 0) == 1
        let isPublic = body["isPublic"]?.boolValue ?? (replace ? false : wasPublic)
        try await platform.database.write { connection in
            try connection.execute("""
                UPDATE workflows SET name = ?, description = ?, definition = ?, is_public = ?, updated_at = ? WHERE id = ? AND org_id = ?
                """, [.text(name), SQLValue(description), .text(definition?.serialized() ?? "{}"), .integer(isPublic ? 1 : 0),
                      .text(Timestamp.now()), .text(id), .text(principal.organization.id)])
        }
        return try await detail(id, principal.organization.id, rows)
    }
}
