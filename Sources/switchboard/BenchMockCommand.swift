import Foundation
import MockUpstream

/// `switchboard bench mock`: the mock upstream replaying a small JSON recording (`GET /openai/v1/models` with a
/// valid key, answered by `openai.models.list`) against nginx serving the same bytes and headers.
enum BenchMockCommand: Subcommand {
    static let name = "bench mock"
    static let summary = "Benchmark the mock upstream's replay against nginx serving the same bytes (loopback only)."
    static let recordings = OptionSpec(
        name: "recordings", valueName: "DIR", environmentVariable: "SWITCHBOARD_MOCK_RECORDINGS",
        help: "Directory of recording files. Default Recordings.")
    static let options = BenchOptions.all + [recordings]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let directory = arguments.value(recordings) ?? "Recordings"
        let plan = BenchPlan(
            command: name, path: "/openai/v1/models", requestHeaders: [("Authorization", "Bearer sk-bench")],
            expectedBody: nil, repeatedHeaders: ["x-request-id", "openai-processing-ms"],
            start: { loops, cleanup in try await startMock(directory: directory, loops: loops, cleanup: cleanup) })
        return try await BenchRun.run(plan, arguments)
    }

    /// Starts the mock on a free loopback port (speed 0, the default journal); `cleanup` stops it.
    @MainActor
    static func startMock(directory: String, loops: Int, cleanup: BenchCleanup) async throws -> Int {
        let options = MockUpstream.Options(port: 0, speed: 0, loopCount: loops,
                                           log: { printError("switchboard bench mock: mock: \($0)") })
        let mock: MockUpstream
        do {
            mock = try await MockUpstream.start(recordingsDirectory: directory, options: options)
        } catch {
            throw BenchError("cannot start the mock upstream from \(directory): \(error)")
        }
        cleanup.add {
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                await mock.stop()
                done.signal()
            }
            done.wait()
        }
        return mock.port
    }
}
