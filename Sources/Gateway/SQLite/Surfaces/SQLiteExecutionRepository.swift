import JSONSchema
import Store

/// `ExecutionRepository` over the `executions` table; input, steps and output kept as JSON text.
struct SQLiteExecutionRepository: ExecutionRepository {
    let database: Database

    func insertPending(id: String, organizationID: String, workflowID: String, input: JSONValue, at: String) async throws {
        try await database.write { connection in
            try connection.execute("""
                INSERT INTO executions (id, org_id, workflow_id, status, input, started_at) VALUES (?, ?, ?, 'pending', ?, ?)
                """, [.text(id), .text(organizationID), .text(workflowID), .text(input.serialized()), .text(at)])
        }
    }

    func execution(id: String, organizationID: String) async throws -> ExecutionRecord? {
        try await OrganizationRows(database: database).row("executions", id: id, organizationID: organizationID)
            .map(Self.execution)
    }

    func failUnfinished(error: String, at: String) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE executions SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('pending', 'running')
                """, [.text(error), .text(at)])
        }
    }

    func requestCancel(id: String, organizationID: String) async throws -> Bool {
        try await database.write { connection in
            try connection.execute("""
                UPDATE executions SET cancel_requested = 1 WHERE id = ? AND org_id = ? AND status IN ('pending', 'running')
                """, [.text(id), .text(organizationID)]) > 0
        }
    }

    func isCancelRequested(id: String) async throws -> Bool {
        try await database.read { connection in
            try connection.queryOne("SELECT cancel_requested FROM executions WHERE id = ?", [.text(id)])?.int("cancel_requested") == 1
        }
    }

    func recordProgress(id: String, status: String, steps: [JSONValue]) async throws {
        try await database.write { connection in
            try connection.execute("UPDATE executions SET status = ?, steps = ? WHERE id = ?",
                                   [.text(status), .text(JSONValue.array(steps).serialized()), .text(id)])
        }
    }

    func finish(id: String, status: String, steps: [JSONValue], output: JSONValue, error: String?, at: String) async throws {
        try await database.write { connection in
            try connection.execute("""
                UPDATE executions SET status = ?, steps = ?, output = ?, error = ?, finished_at = ? WHERE id = ?
                """, [.text(status), .text(JSONValue.array(steps).serialized()), .text(output.serialized()), SQLValue(error),
                      .text(at), .text(id)])
        }
    }

    private static func execution(_ row: Row) throws -> ExecutionRecord {
        ExecutionRecord(id: try row.require("id"), organizationID: try row.require("org_id"),
                        workflowID: try row.require("workflow_id"), status: try row.require("status"), input: row.json("input"),
                        steps: row.json("steps"), output: row.json("output"), error: try row.string("error"),
                        startedAt: try row.require("started_at"), finishedAt: try row.string("finished_at"))
    }
}
