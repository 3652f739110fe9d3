import Synchronization
import Testing

@testable import Conformance

@Suite("Setup steps that wait")
struct SetupWaitTests {
    /// Runs a `GET /things` contract with these cases against a server where `/job` says `running` twice, then
    /// `done`, and `/things` lists what `/job` last said.
    static func run(_ cases: String) async throws -> RunReport {
        let suite = try loadSuite(files: ["list.json": thingsContract(cases)])
        let polls = Mutex(0)
        let server = try TestServer { request in
            let count = polls.withLock { count in
                if request.path == "/job" { count += 1 }
                return count
            }
            let state = count < 3 ? "running" : "done"
            return request.path == "/job" ? .body(["state": .string(state)]) : .body([["state": .string(state)]])
        }
        let report = try await ConformanceRunner(
            suite: suite, profile: Profile(baseURL: server.baseURL), options: RunnerOptions(selection: Selection("t.list"))
        ).run()
        await server.stop()
        return report
    }

    @Test("a setup step with until repeats its request until the pointer holds, then the case runs")
    func waitsUntilDone() async throws {
        let report = try await Self.run(
            #"""
            [{"name": "after the job", "setup": [{"id": "job", "request": {"method": "GET", "path": "/job"},
               "until": {"pointer": "/state", "equals": "done"}, "intervalMilliseconds": 10}],
              "expect": {"status": 200, "bodySubset": [{"state": "{{steps.job.body.state}}"}]}}]
            """#)
        let result = try #require(report.result("list/after the job"))
        #expect(result.outcome == .passed, "\(result.mismatches)")
        let job = result.exchanges.first { $0.step == "job" }
        #expect(job?.response?.body == #"{"state":"done"}"#, "polled until the third answer said done")
    }

    @Test("a setup wait that never holds fails the case with what it saw")
    func waitTimesOut() async throws {
        let report = try await Self.run(
            #"""
            [{"name": "never", "setup": [{"id": "job", "request": {"method": "GET", "path": "/job"},
               "until": {"pointer": "/state", "equals": "gone"}, "timeoutSeconds": 0.2, "intervalMilliseconds": 20}],
              "expect": {"status": 200}}]
            """#)
        let result = try #require(report.result("list/never"))
        #expect(result.outcome == .failed)
        #expect(result.mismatches.first?.message.contains("waiting for \"gone\"") == true, "\(result.mismatches)")
    }
}
