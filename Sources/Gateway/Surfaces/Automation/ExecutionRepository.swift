import JSONSchema

/// A workflow execution (seed 002) as it persists.
struct ExecutionRecord: Sendable, Equatable {
    var id: String
    var organizationID: String
    var workflowID: String
    /// pending, running, completed, failed or cancelled.
    var status: String
    var input: JSONValue
    /// Each finished step's record, in order (null until the first step ran).
    var steps: JSONValue
    var output: JSONValue
    var error: String?
    var startedAt: String
    var finishedAt: String?
}

/// Where workflow executions persist, so they can be listed after they ran and failed after a restart.
protocol ExecutionRepository: Sendable {
    /// Stores a new pending execution.
    func insertPending(id: String, organizationID: String, workflowID: String, input: JSONValue, at: String) async throws
    /// One execution of the organization, or nil.
    func execution(id: String, organizationID: String) async throws -> ExecutionRecord?
    /// Marks every pending or running execution failed with `error`, finished at `at`.
    func failUnfinished(error: String, at: String) async throws
    /// Asks a pending or running execution of the organization to stop; false when none matched.
    func requestCancel(id: String, organizationID: String) async throws -> Bool
    /// Whether a stop was asked for the execution.
    func isCancelRequested(id: String) async throws -> Bool
    /// Records the status and the steps run so far.
    func recordProgress(id: String, status: String, steps: [JSONValue]) async throws
    /// Records the final status, steps, output and error.
    func finish(id: String, status: String, steps: [JSONValue], output: JSONValue, error: String?, at: String) async throws
}
