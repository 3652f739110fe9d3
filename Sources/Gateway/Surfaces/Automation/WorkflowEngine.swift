import Crypto
import Foundation
import JSONSchema
import Synchronization

/// Runs workflow executions in the background, step by step, recording each step's result in the store.
/// Cancellation is checked between steps; an execution found running after a restart is marked failed.
final class WorkflowEngine: Sendable {
    let platform: Platform
    let events: WebhookEvents
    private var executions: any ExecutionRepository { platform.repositories.executions }
    private let running = Mutex<[String: Task<Void, Never>]>([:])

    init(platform: Platform, events: WebhookEvents) {
        self.platform = platform
        self.events = events
    }

    /// Executions left pending or running by a stopped gateway are failed, never left stuck.
    func recover() async throws {
        try await executions.failUnfinished(error: "interrupted: the gateway stopped during this execution",
                                            at: Timestamp.now())
    }

    /// Records a pending execution and starts it; returns `{executionId, status, startedAt}` at once.
    func start(workflow: WorkflowRecord, input: JSONValue, organizationID: String) async throws -> JSONValue {
        let id = "exec_" + SecureRandom.hexToken(bytes: 10)
        let now = Timestamp.now()
        let workflowID = workflow.id
        try await executions.insertPending(id: id, organizationID: organizationID, workflowID: workflowID, input: input,
                                           at: now)
        let definition = workflow.definition
        let task = Task { [self] in
            await run(id, workflowID: workflowID, definition: definition, input: input, organizationID: organizationID)
            _ = running.withLock { $0.removeValue(forKey: id) }
        }
        running.withLock { $0[id] = task }
        return ["executionId": .string(id), "status": "pending", "startedAt": .string(now)]
    }

    /// Asks a running execution to stop before its next step.
    func cancel(_ id: String, organizationID: String) async throws -> Bool {
        try await executions.requestCancel(id: id, organizationID: organizationID)
    }

    private func run(_ id: String, workflowID: String, definition: JSONValue, input: JSONValue, organizationID: String) async {
        var results: [JSONValue] = []
        var outputs = JSONObject()
        let runner = StepRunner(platform: platform, organizationID: organizationID)
        try? await update(id, status: "running", steps: results)
        for step in definition["steps"]?.arrayValue ?? [] {
            if (try? await cancelRequested(id)) == true {
                return await finish(id, workflowID: workflowID, organizationID: organizationID, status: "cancelled",
                                    steps: results, output: .object(outputs), error: "cancelled")
            }
            let name = step["name"]?.stringValue ?? "step"
            let context: JSONValue = ["input": input, "steps": .object(outputs)]
            let result = await runner.run(step, context: context)
            results.append(result.record(name: name))
            outputs[name] = ["output": result.output ?? nil, "status": .string(result.failed ? "failed" : "completed")]
            try? await update(id, status: "running", steps: results)
            if result.failed {
                return await finish(id, workflowID: workflowID, organizationID: organizationID, status: "failed", steps: results,
                                    output: .object(outputs), error: "step '\(name)' failed: \(result.error ?? "unknown error")")
            }
        }
        await finish(id, workflowID: workflowID, organizationID: organizationID, status: "completed", steps: results,
                     output: .object(outputs), error: nil)
    }

    private func cancelRequested(_ id: String) async throws -> Bool {
        try await executions.isCancelRequested(id: id)
    }

    private func update(_ id: String, status: String, steps: [JSONValue]) async throws {
        try await executions.recordProgress(id: id, status: status, steps: steps)
    }

    private func finish(_ id: String, workflowID: String, organizationID: String, status: String, steps: [JSONValue],
                        output: JSONValue, error: String?) async {
        try? await executions.finish(id: id, status: status, steps: steps, output: output, error: error,
                                     at: Timestamp.now())
        guard status != "cancelled" else { return }
        try? await events.emit(status == "completed" ? "workflow.completed" : "workflow.failed", organizationID: organizationID,
                               data: ["workflowId": .string(workflowID), "executionId": .string(id), "status": .string(status),
                                      "output": output, "error": error.map(JSONValue.string) ?? nil])
    }
}
