import Crypto
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 002 `/api/v1/workflows`: list (paginated), create (validated), get, replace, patch, delete, execute.
enum WorkflowRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform, engine: WorkflowEngine) {
        let workflows = platform.repositories.workflows
        group.get("/workflows") { request in
            let principal = try request.principal()
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await workflows.page(organizationID: principal.organization.id,
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
                                                                 connectors: platform.repositories.connectors)
            guard problems.isEmpty else { throw WorkflowDefinition.error(problems) }
            let id = "wf_" + SecureRandom.hexToken(bytes: 10)
            let now = Timestamp.now()
            try await workflows.insert(WorkflowRecord(
                id: id, organizationID: principal.organization.id, name: name,
                description: try body.optionalString("description"), definition: body["definition"] ?? [:],
                isPublic: body["isPublic"]?.boolValue == true, createdAt: now, updatedAt: now))
            return .json(try await detail(id, principal.organization.id, workflows), status: .created)
        }
        group.get("/workflows/{id}") { request in
            .json(try await detail(request.parameter("id"), try request.principal().organization.id, workflows))
        }
        for method in [HTTPMethod.put, .patch] {
            group.add(method, "/workflows/{id}") { request in
                let principal = try request.principal()
                try principal.require(.member)
                return .json(try await update(request, replace: method == .put, principal: principal, platform: platform))
            }
        }
        group.delete("/workflows/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await workflows.delete(id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Workflow not found")
            }
            return HTTPResponse(status: .noContent)
        }
        group.post("/workflows/{id}/execute") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let id = request.parameter("id")
            guard let workflow = try await workflows.workflow(id: id, organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Workflow not found")
            }
            let body = request.bodyBytes.isEmpty ? [:] : try request.jsonObject()
            let input = body["input"] ?? [:]
            guard input.objectValue != nil else { throw PlatformError.invalid("input must be a JSON object") }
            let execution = try await engine.start(workflow: workflow, input: input, organizationID: principal.organization.id)
            return .json(execution, status: .accepted)
        }
    }

    static func summary(_ workflow: WorkflowRecord) -> JSONValue {
        ["id": .string(workflow.id), "name": .string(workflow.name),
         "description": workflow.description.map(JSONValue.string) ?? nil, "isPublic": .bool(workflow.isPublic),
         "createdAt": .string(workflow.createdAt), "updatedAt": .string(workflow.updatedAt)]
    }

    static func detail(_ id: String, _ organizationID: String, _ workflows: any WorkflowRepository)
        async throws -> JSONValue {
        guard let workflow = try await workflows.workflow(id: id, organizationID: organizationID) else {
            throw PlatformError.notFound("Workflow not found")
        }
        var value = summary(workflow)
        value["definition"] = workflow.definition
        return value
    }

    /// PUT replaces name, description, definition and isPublic (name and definition required); PATCH changes
    /// only the fields given. A new definition is validated like on create.
    static func update(_ request: HTTPRequest, replace: Bool, principal: Principal, platform: Platform)
        async throws -> JSONValue {
        let id = request.parameter("id")
        let workflows = platform.repositories.workflows
        guard let workflow = try await workflows.workflow(id: id, organizationID: principal.organization.id) else {
            throw PlatformError.notFound("Workflow not found")
        }
        let body = try request.jsonObject()
        let name = replace ? try body.requiredString("name") : try body.optionalString("name") ?? workflow.name
        let definition = replace ? body["definition"] : body["definition"] ?? workflow.definition
        let problems = try await WorkflowDefinition.problems(definition, organizationID: principal.organization.id,
                                                             connectors: platform.repositories.connectors)
        guard problems.isEmpty else { throw WorkflowDefinition.error(problems) }
        let oldDescription = workflow.description
        let description = body.keys.contains("description") ? try body.optionalString("description") : (replace ? nil : oldDescription)
        let isPublic = body["isPublic"]?.boolValue ?? (replace ? false : workflow.isPublic)
        try await workflows.update(WorkflowRecord(
            id: id, organizationID: principal.organization.id, name: name, description: description,
            definition: definition ?? [:], isPublic: isPublic, createdAt: workflow.createdAt, updatedAt: Timestamp.now()))
        return try await detail(id, principal.organization.id, workflows)
    }
}
