import Crypto
import Foundation
import JSONSchema
import Store
import Synchronization

/// Runs workflow executions in the background, step by step, recording each step's result in the store.
/// Cancellation is checked between steps; an execution found running after a restart is marked failed.
final class WorkflowEngine: Sendable {
    let platform: Platform
    let events: WebhookEvents
    private let running = Mutex<[String: Task<Void, Never>]>([:])

    init(platform: Platform, events: WebhookEvents) {
        self.platform = platform
        self.events = events
    }

    /// Executions left pending or running by a stopped gateway are failed, never left stuck.
    func recover() async throws {
        try await platform.database.write { connection in
            try connection.execute("""
                UPDATE executions SET status = 'failed', error = 'interrupted: the gateway stopped during this execution',
                    finished_at = ? WHERE status IN ('pending', 'running')
                """, [.text(Timestamp.now())])
        }
    }

    /// Records a pending execution and starts it; returns `{executionId, status, startedAt}` at once.
    func start(workflow: Row, input: JSONValue, organizationID: String) async throws -> JSONValue {
        let id = "exec_" + SecureRandom.hexToken(bytes: 10)
        let now = Timestamp.now()
        let workflowID: String = try workflow.require("id")
        try await platform.database.write { connection in
            try connection.execute("""
                INSERT INTO executions (id, org_id, workflow_id, status, input, started_at) VALUES (?, ?, ?, 'pending', ?, ?)
                """, [.text(id), .text(organizationID), .text(workflowID), .text(input.serialized()), .text(now)])
        }
        let definition = RowStore.json(workflow, "definition")
        let task = Task { [self] in
            await run(id, workflowID: workflowID, definition: definition, input: input, organizationID: organizationID)
            _ = running.withLock { $0.removeValue(forKey: id) }
        }
        running.withLock { $0[id] = task }
        return ["executionId": .string(id), "status": "pending", "startedAt": .string(now)]
    }

    /// Asks a running execution to stop before its next step.
    func cancel(_ id: String, organizationID: String) async throws -> Bool {
        try await platform.database.write { connection in
            try connection.execute("""
                UPDATE executions SET cancel_requested = 1 WHERE id = ? AND org_id = ? AND status IN ('pending', 'running')
                """, [.text(id), .text(organizationID)]) > 0
        }
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
        try await platform.database.read { connection in
            try connection.queryOne("SELECT cancel_requested FROM executions WHERE id = ?", [.text(id)])?.int("cancel_requested") == 1
        }
    }

    private func update(_ id: String, status: String, steps: [JSONValue]) async throws {
        try await platform.database.write { connection in
            try connection.execute("UPDATE executions SET status = ?, steps = ? WHERE id = ?",
                                   [.text(status), .text(JSONValue.array(steps).serialized()), .text(id)])
        }
    }

    private func finish(_ id: String, workflowID: String, organizationID: String, status: String, steps: [JSONValue],
                        output: JSONValue, error: String?) async {
        _ = try? await platform.database.write { connection in
            try connection.execute("""
                UPDATE executions SET status = ?, steps = ?, output = ?, error = ?, finished_at = ? WHERE id = ?
                """, [.text(status), .text(JSONValue.array(steps).serialized()), .text(output.serialized()), SQLValue(error),
                      .text(Timestamp.now()), .text(id)])
        }
        guard status != "cancelled" else { return }
        try? await events.emit(status == "completed" ? "workflow.completed" : "workflow.failed", organizationID: organizationID,
                               data: ["workflowId": .string(workflowID), "executionId": .string(id), "status": .string(status),
                                      "output": output, "error": error.map(JSONValue.string) ?? nil])
    }
}
