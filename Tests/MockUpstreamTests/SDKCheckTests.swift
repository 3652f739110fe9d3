import ChildProcess
import Foundation
import Testing
@testable import MockUpstream

/// The official Python SDKs (openai, stripe, slack_sdk, elevenlabs from PyPI), pointed at the mock by base URL
/// alone, parse every success response. Each script in SDKChecks/ runs against a fresh mock; CI pip-installs the
/// pinned SDKs (README, "Mock upstream").
@Suite("Official SDKs against the mock")
struct SDKCheckTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SDKChecks")

    @Test("each SDK check script passes", arguments: ["check_openai.py", "check_stripe.py", "check_slack.py", "check_elevenlabs.py"])
    func script(_ name: String) async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let result = await runPython(Self.scripts.appendingPathComponent(name).path, baseURL: mock.baseURL)
        print(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(result.status == 0, "\(name) failed (status \(result.status)):\n\(result.output)")
        #expect(result.output.contains(" ok"), "\(result.output)")
        #expect(mock.journal.unmatched.isEmpty, "unmatched: \(mock.journal.unmatched.map { "\($0.method) \($0.path)" })")
    }
}

/// The exit status and combined output of one run.
struct ScriptResult: Sendable {
    let status: Int32
    let output: String
}

/// Runs `python3 script` with MOCK_BASE_URL set (ChildProcess: off the cooperative pool, without Foundation's Process).
func runPython(_ script: String, baseURL: String) async -> ScriptResult {
    var environment = ProcessInfo.processInfo.environment
    environment["MOCK_BASE_URL"] = baseURL
    environment["NO_PROXY"] = "127.0.0.1,localhost"
    environment["no_proxy"] = "127.0.0.1,localhost"
    do {
        let output = try await ChildProcess.run("/usr/bin/env", ["python3", script], environment: environment, timeout: .seconds(300))
        return ScriptResult(status: output.status, output: output.stdoutText + output.stderrText)
    } catch {
        return ScriptResult(status: -1, output: "cannot run python3: \(error)")
    }
}
