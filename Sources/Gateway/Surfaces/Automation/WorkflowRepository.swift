import JSONSchema

/// A workflow (seed 002) as it persists.
struct WorkflowRecord: Sendable, Equatable {
    var id: String
    var organizationID: String
    var name: String
    var description: String?
    var definition: JSONValue
    var isPublic: Bool
    var createdAt: String
    var updatedAt: String
}

/// Where workflows persist, scoped to an organization.
protocol WorkflowRepository: Sendable {
    /// Stores a new workflow.
    func insert(_ workflow: WorkflowRecord) async throws
    /// One workflow of the organization, or nil (another tenant's id is not found).
    func workflow(id: String, organizationID: String) async throws -> WorkflowRecord?
    /// A page of the organization's workflows, oldest first, and how many it has in all.
    func page(organizationID: String, limit: Int, offset: Int) async throws -> ([WorkflowRecord], total: Int)
    /// Replaces name, description, definition, visibility and update time of the organization's workflow.
    func update(_ workflow: WorkflowRecord) async throws
    /// Deletes a workflow; false when the organization has no such workflow.
    func delete(id: String, organizationID: String) async throws -> Bool
}
