import HTTPCore
import HTTPServer
import JSONSchema

/// `/admin/organizations/{org}/projects/{project}/agents`: create and list agents (an agent is a callable).
enum AdminAgentRoutes {
    static func register(on router: inout RouterBuilder, platform: Platform) {
        let store = AgentStore(platform: platform)
        router.group("/admin/organizations/{org}/projects/{project}", middleware: [AdminGuard(platform: platform)]) { admin in
            admin.get("/agents") { request in
                let (organization, project) = try await scope(request, platform)
                return .json(.array(try await store.agents(organizationID: organization.id, projectID: project.id).map(json)))
            }
            admin.post("/agents") { request in
                let (organization, project) = try await scope(request, platform)
                let body = try request.jsonObject()
                let tools = body["tools"]?.arrayValue?.compactMap(\.stringValue) ?? ["api_caller"]
                let agent = try await store.create(
                    organizationID: organization.id, projectID: project.id, name: try body.requiredString("name"),
                    model: try body.optionalString("model") ?? "gpt-4o-mini",
                    instructions: try body.optionalString("instructions") ?? "", tools: tools,
                    description: try body.optionalString("description"))
                try await platform.audit.record(actor: "admin", action: "agent.create", organizationID: organization.id, target: agent.id)
                return .json(json(agent), status: .created)
            }
        }
    }

    static func scope(_ request: HTTPRequest, _ platform: Platform) async throws -> (Organization, Project) {
        let organization = try await AdminRoutes.organization(request, platform)
        guard let project = try await platform.identity.project(id: request.parameter("project"), organizationID: organization.id) else {
            throw PlatformError.notFound("project not found")
        }
        return (organization, project)
    }

    static func json(_ agent: AgentRecord) -> JSONValue {
        ["id": .string(agent.id), "projectId": .string(agent.projectID), "name": .string(agent.name), "model": .string(agent.model),
         "instructions": .string(agent.instructions), "tools": .array(agent.tools.map(JSONValue.string))]
    }
}
