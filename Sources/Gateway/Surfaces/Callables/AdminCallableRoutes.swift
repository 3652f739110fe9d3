import Crypto
import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

/// Admin API for seed 003: create, update and delete callables of a project; make packages of callables and
/// install them in other projects.
enum AdminCallableRoutes {
    static let types: Set<String> = ["request", "script", "callable-pipeline"]

    static func register(on router: inout RouterBuilder, platform: Platform) {
        let callables = platform.repositories.callables
        router.group("/admin/organizations/{org}", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.post("/projects/{project}/callables") { request in
                let (organization, project) = try await AdminAgentRoutes.scope(request, platform)
                let body = try request.jsonObject()
                let fields = try fields(body, partial: false)
                let id = UUID().uuidString.lowercased()
                try await slugConflict(body) {
                    try await callables.insert(id: id, organizationID: organization.id, projectID: project.id, fields: fields,
                                               at: Timestamp.now())
                }
                return .json(try await listItem(id, callables), status: .created)
            }
            admin.put("/projects/{project}/callables/{id}") { request in
                let (organization, _) = try await AdminAgentRoutes.scope(request, platform)
                let body = try request.jsonObject()
                let fields = try fields(body, partial: true)
                guard !fields.assignments.isEmpty else { throw PlatformError.invalid("nothing to update") }
                let id = request.parameter("id")
                let changed = try await slugConflict(body) {
                    try await callables.update(id: id, organizationID: organization.id, fields: fields, at: Timestamp.now())
                }
                guard changed else { throw PlatformError.notFound("callable not found") }
                return .json(try await listItem(id, callables))
            }
            admin.delete("/projects/{project}/callables/{id}") { request in
                let (organization, _) = try await AdminAgentRoutes.scope(request, platform)
                let id = request.parameter("id")
                guard try await callables.delete(id: id, organizationID: organization.id) else {
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
                try await callables.insertPackage(id: id, organizationID: organization.id, name: name, callableIDs: ids,
                                                  at: Timestamp.now())
                return .json(["id": .string(id), "name": .string(name), "callableIds": .array(ids.map(JSONValue.string))], status: .created)
            }
            admin.post("/projects/{project}/packages/{package}/install") { request in
                let (organization, project) = try await AdminAgentRoutes.scope(request, platform)
                let package = request.parameter("package")
                try await callables.install(packageID: package, projectID: project.id, organizationID: organization.id)
                return .json(["installed": true, "projectId": .string(project.id), "packageId": .string(package)])
            }
        }
    }

    static func listItem(_ id: String, _ callables: any CallableRepository) async throws -> JSONValue {
        guard let callable = try await callables.callable(id: id) else { throw PlatformError.notFound("callable not found") }
        var item = callable.listItem
        item["config"] = callable.config
        return item
    }

    /// The documented fields of a callable, checked; schemas must compile as draft-07.
    static func fields(_ body: JSONObject, partial: Bool) throws -> CallableFields {
        var result = CallableFields()
        func text(_ name: String, required: Bool = false) throws {
            if let value = try body.optionalString(name) { result.assignments.append((name, .string(value))) } else if required && !partial {
                throw PlatformError.invalid("\(name) is required")
            }
        }
        try text("name", required: true)
        if let type = try body.optionalString("type") {
            guard types.contains(type) else { throw PlatformError.invalid("type must be request, script or callable-pipeline (agents are created under /agents)") }
            result.assignments.append(("type", .string(type)))
        } else if !partial { throw PlatformError.invalid("type is required") }
        for name in ["description", "icon", "group_name", "oauth_system_id", "slug"] { try text(name) }
        let auth = try body.optionalString("auth") ?? (partial ? nil : "NONE")
        if let auth {
            guard auth == "NONE" || auth == "OAUTH" else { throw PlatformError.invalid("auth must be NONE or OAUTH") }
            result.assignments.append(("auth", .string(auth)))
        }
        for name in ["input_schema", "output_schema"] {
            if let schema = body[name] {
                do { _ = try JSONSchemaValidator(schema: schema) } catch {
                    throw PlatformError.invalid("\(name) is not a valid JSON Schema: \(error)")
                }
                result.assignments.append((name, schema))
            } else if !partial {
                // An omitted input schema asks for an object; an omitted output schema accepts anything.
                result.assignments.append((name, name == "input_schema" ? ["type": "object"] : [:]))
            }
        }
        for name in ["customization", "config"] {
            if let value = body[name] {
                guard value.objectValue != nil else { throw PlatformError.invalid("\(name) must be an object") }
                result.assignments.append((name, value))
            } else if !partial { result.assignments.append((name, [:])) }
        }
        return result
    }

    /// Runs a write, answering 409 when the project already has a callable with the body's slug.
    static func slugConflict<T>(_ body: JSONObject, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch is DuplicateRecord {
            throw PlatformError.conflict("the project already has a callable with slug '\(body["slug"]?.stringValue ?? "")'")
        }
    }
}
