import JSONSchema

/// A callable's documented fields as an admin sets them (seed 003 names): text fields as strings, schemas,
/// `customization` and `config` as JSON; fields left out are absent.
struct CallableFields: Sendable {
    var assignments: [(String, JSONValue)] = []
}

/// Where seed 003's callables and packages persist (agents are callables too, but live in the agent repository).
protocol CallableRepository: Sendable {
    /// The project's own callables, and those of packages it installed from other projects.
    func callables(projectID: String, organizationID: String) async throws -> (own: [Callable], installed: [Callable])
    /// A callable by id, whichever project owns it.
    func callable(id: String) async throws -> Callable?
    /// Stores a new callable of the project; throws `DuplicateRecord` when the project has its slug.
    func insert(id: String, organizationID: String, projectID: String, fields: CallableFields, at: String) async throws
    /// Changes the given fields; false when the organization has no such callable; `DuplicateRecord` for a taken slug.
    func update(id: String, organizationID: String, fields: CallableFields, at: String) async throws -> Bool
    /// Deletes a callable; false when the organization has no such callable.
    func delete(id: String, organizationID: String) async throws -> Bool
    /// Stores a package of the organization's callables, all or nothing: an id that is not one of them is
    /// `PlatformError.invalid`.
    func insertPackage(id: String, organizationID: String, name: String, callableIDs: [String], at: String) async throws
    /// Installs the organization's package in a project (installing twice changes nothing); an unknown package is
    /// `PlatformError.notFound`.
    func install(packageID: String, projectID: String, organizationID: String) async throws
}
