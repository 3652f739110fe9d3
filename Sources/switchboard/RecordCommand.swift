import Foundation
import MockUpstream

/// `switchboard record`: a proxy to a provider's real base URL that writes what passes through as recordings.
enum RecordCommand: Subcommand {
    static let name = "record"
    static let summary = "Record a provider's exchanges through a proxy (secrets redacted) for the mock upstream."

    static let provider = OptionSpec(name: "provider", valueName: "NAME",
                                     environmentVariable: "SWITCHBOARD_RECORD_PROVIDER",
                                     help: "elevenlabs, heygen, openai, huggingface, stripe, slack or discord.")
    static let target = OptionSpec(name: "target", valueName: "URL", environmentVariable: "SWITCHBOARD_RECORD_TARGET",
                                   help: "The provider's real base URL, e.g. https://api.openai.com.")
    static let output = OptionSpec(name: "out", valueName: "DIR", environmentVariable: "SWITCHBOARD_RECORD_OUT",
                                   help: "Directory for the recording files. Default Recordings/<provider>/.")
    static let host = OptionSpec(name: "host", valueName: "HOST", environmentVariable: "SWITCHBOARD_RECORD_HOST",
                                 help: "Address to listen on. Default 127.0.0.1.")
    static let port = OptionSpec(name: "port", valueName: "PORT", environmentVariable: "SWITCHBOARD_RECORD_PORT",
                                 help: "Port to listen on; 0 picks a free one. Default 9100.")
    static let options = [provider, target, output, host, port]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        guard let name = arguments.value(provider) else { throw UsageError("--provider is required") }
        guard let chosen = Provider(rawValue: name) else {
            throw UsageError("unknown provider '\(name)' (\(Provider.all.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let url = arguments.value(target), url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw UsageError("--target must be an http or https base URL")
        }
        let directory = arguments.value(output) ?? "Recordings/\(chosen.rawValue)"
        let termination = TerminationSignal.install()
        let options = RecordingProxy.Options(
            host: arguments.value(host) ?? "127.0.0.1",
            port: try arguments.integer(port, default: 9100, in: 0...65_535),
            log: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
        let proxy: RecordingProxy
        do {
            proxy = try await RecordingProxy.start(provider: chosen, target: url, outputDirectory: directory,
                                                   options: options)
        } catch {
            throw UsageError("cannot listen on \(options.host):\(options.port): \(error)")
        }
        say("Recording \(chosen.rawValue) from \(url) into \(directory)/ through \(proxy.baseURL) "
            + "(or \(proxy.baseURL)/\(chosen.rawValue))")
        await termination.wait()
        await proxy.waitUntilIdle()
        await proxy.stop()
        say("Wrote \(proxy.writtenFiles.count) recording(s):")
        for file in proxy.writtenFiles { say("  \(file)") }
        return 0
    }
}
