import Foundation
import HTTPCore
import MockUpstream

/// `switchboard mock`: the mock upstream on its own port, replaying Recordings/ for every provider.
enum MockCommand: Subcommand {
    static let name = "mock"
    static let summary = "Run the mock upstream (recorded provider exchanges, one port, /<provider>/…)."

    static let host = OptionSpec(name: "host", valueName: "HOST", environmentVariable: "SWITCHBOARD_MOCK_HOST",
                                 help: "Address to listen on (IP literal). Default 127.0.0.1.")
    static let port = OptionSpec(name: "port", valueName: "PORT", environmentVariable: "SWITCHBOARD_MOCK_PORT",
                                 help: "Port to listen on; 0 picks a free one. Default 9000.")
    static let recordings = OptionSpec(name: "recordings", valueName: "DIR",
                                       environmentVariable: "SWITCHBOARD_MOCK_RECORDINGS",
                                       help: "Directory of recording files. Default Recordings.")
    static let speed = OptionSpec(name: "speed", valueName: "X", environmentVariable: "SWITCHBOARD_MOCK_SPEED",
                                  help: "Multiplier of recorded stream delays: 1 real time, 0 none. Default 1.")
    static let loops = OptionSpec(name: "loops", valueName: "N", environmentVariable: "SWITCHBOARD_MOCK_LOOPS",
                                  help: "Event-loop threads. Default: the number of cores.")
    static let journalLimit = OptionSpec(name: "journal-limit", valueName: "N",
                                         environmentVariable: "SWITCHBOARD_MOCK_JOURNAL_LIMIT",
                                         help: "Journal entries kept. Default 10000.")
    static let options = [host, port, recordings, speed, loops, journalLimit]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let termination = TerminationSignal.install()
        let speedText = arguments.value(speed) ?? "1"
        guard let factor = Double(speedText), factor >= 0, factor <= 1000 else {
            throw UsageError("--speed must be a number from 0 to 1000, not '\(speedText)'")
        }
        let options = MockUpstream.Options(
            host: arguments.value(host) ?? "127.0.0.1",
            port: try arguments.integer(port, default: 9000, in: 0...65_535),
            speed: factor,
            loopCount: try arguments.integer(loops, default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64),
            journalLimit: try arguments.integer(journalLimit, default: 10_000, in: 1...10_000_000),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
        let directory = arguments.value(recordings) ?? "Recordings"
        let mock: MockUpstream
        do {
            mock = try await MockUpstream.start(recordingsDirectory: directory, options: options)
        } catch let error as RecordingLoadError {
            throw UsageError("bad recording: \(directory)/\(error.description)")
        } catch {
            throw UsageError("cannot listen on \(options.host):\(options.port): \(error)")
        }
        say("Mock upstream listening on \(mock.baseURL) "
            + "(\(mock.recordings.count) recordings from \(directory), speed x\(speedText))")
        for provider in Provider.all {
            let name = provider.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            say("  \(name) \(mock.baseURL(for: provider))")
        }
        say("  admin        \(mock.baseURL)/_mock/journal, /_mock/recordings, /_mock/faults, /_mock/reset")
        await termination.wait()
        say("Shutting down…")
        await mock.stop()
        return 0
    }
}
