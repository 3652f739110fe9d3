import Foundation
import HTTPServer
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
            start: { loops, cleanup in try startMock(directory: directory, loops: loops, cleanup: cleanup) })
        return try await BenchRun.run(plan, arguments)
    }

    /// Starts the mock's replay responder (what `MockUpstream.start` serves) on a free loopback port, at speed 0
    /// with the default journal; `cleanup` stops it.
    @MainActor
    static func startMock(directory: String, loops: Int, cleanup: BenchCleanup) throws -> Int {
        let responder: any HTTPResponder
        do {
            responder = try MockUpstream.makeResponder(recordingsDirectory: directory, options: .init(speed: 0))
        } catch {
            throw BenchError("cannot load the recordings in \(directory): \(error)")
        }
        return try BenchCommand.startServer(responder, command: name, loops: loops, cleanup: cleanup)
    }
}
