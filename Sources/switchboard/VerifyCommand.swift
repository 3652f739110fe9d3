import Conformance
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `switchboard verify`: runs the contracts and scenarios against any implementation and writes reports.
enum VerifyCommand: Subcommand {
    static let name = "verify"
    static let summary = "Check an implementation of the documented APIs against the contracts and scenarios."

    static let baseURL = OptionSpec(
        name: "base-url", valueName: "URL", environmentVariable: "SWITCHBOARD_BASE_URL",
        help: "The implementation under test; overrides the profile's baseURL.")
    static let profile = OptionSpec(
        name: "profile", valueName: "FILE", environmentVariable: "SWITCHBOARD_PROFILE",
        help: "Keys, ids and addresses (Contracts/profile.schema.json), e.g. from 'serve --profile-out'.")
    static let contracts = OptionSpec(
        name: "contracts", valueName: "DIR", environmentVariable: nil,
        help: "Contracts folder with endpoints.json. Default Contracts.")
    static let scenarios = OptionSpec(
        name: "scenarios", valueName: "DIR", environmentVariable: nil,
        help: "Scenarios folder. Default Scenarios (skipped if absent).")
    static let only = OptionSpec(
        name: "only", valueName: "PATTERN", environmentVariable: nil,
        help: "Comma-separated surfaces, seeds, endpoint ids, tags, contract or scenario names; * wildcards.")
    static let junit = OptionSpec(name: "report", valueName: "FILE", environmentVariable: nil, help: "Write JUnit XML.")
    static let json = OptionSpec(
        name: "json", valueName: "FILE", environmentVariable: nil, help: "Write the JSON report.")
    static let html = OptionSpec(
        name: "html", valueName: "FILE", environmentVariable: nil, help: "Write the HTML coverage page.")
    static let concurrency = OptionSpec(
        name: "concurrency", valueName: "N", environmentVariable: nil,
        help: "Concurrent cases at once. Default 8.")
    static let timeout = OptionSpec(
        name: "timeout", valueName: "SECONDS", environmentVariable: nil,
        help: "Total time one request may take. Default 15.")
    static let callbackHost = OptionSpec(
        name: "callback-host", valueName: "HOST", environmentVariable: "SWITCHBOARD_CALLBACK_HOST",
        help: "This machine's address as the implementation reaches it, for scenarios' webhooks ({{webhookURL}}); the receiver then listens on every interface. Default 127.0.0.1.")
    static let callbackPort = OptionSpec(
        name: "callback-port", valueName: "PORT", environmentVariable: "SWITCHBOARD_CALLBACK_PORT",
        help: "The webhook receiver's port (e.g. one a firewall lets in). Default: a free one.")
    static let options = [baseURL, profile, contracts, scenarios, only, junit, json, html, concurrency, timeout,
                          callbackHost, callbackPort]

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        var loadedProfile = Profile()
        if let path = arguments.value(profile) { loadedProfile = try Profile.load(path: path) }
        guard arguments.value(baseURL) != nil || loadedProfile.baseURL != nil else {
            throw UsageError("give --base-url or a --profile with a baseURL")
        }
        let contractsDirectory = arguments.value(contracts) ?? "Contracts"
        var scenariosDirectory = arguments.value(scenarios)
        if scenariosDirectory == nil, FileManager.default.fileExists(atPath: "Scenarios") {
            scenariosDirectory = "Scenarios"
        }
        let suite = try ConformanceSuite.load(
            contractsDirectory: contractsDirectory, scenariosDirectory: scenariosDirectory)
        let options = RunnerOptions(
            selection: Selection(arguments.value(only)),
            concurrency: try arguments.integer(concurrency, default: 8, in: 1...256),
            requestTimeout: .seconds(try arguments.integer(timeout, default: 15, in: 1...3600)),
            baseURL: arguments.value(baseURL),
            callback: try callbackAddress(arguments))
        let live = isatty(STDERR_FILENO) == 1
        let report = try await ConformanceRunner(suite: suite, profile: loadedProfile, options: options).run {
            progress in
            guard live else { return }
            let line =
                "\r\u{1B}[2K[\(progress.done)/\(progress.total)] \(progress.passed) passed, \(progress.failed) failed, "
                + "\(progress.skipped) skipped  \(progress.latest.prefix(60))"
            FileHandle.standardError.write(Data(line.utf8))
        }
        if live { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        FileHandle.standardOutput.write(Data(ConsoleReport.render(report, color: isatty(STDOUT_FILENO) == 1).utf8))
        try write(arguments.value(junit), JUnitReport.render(report))
        try write(arguments.value(json), JSONReport.text(report))
        try write(arguments.value(html), HTMLReport.render(report))
        return report.passed ? 0 : 1
    }

    /// Writes a report file when its option was given.
    private static func write(_ path: String?, _ text: String) throws {
        guard let path else { return }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw UsageError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The receiver's address from `--callback-host` and `--callback-port`.
    static func callbackAddress(_ arguments: CommandLineArguments) throws -> CallbackAddress {
        let port = try arguments.integer(callbackPort, default: 0, in: 0...65_535)
        guard let host = arguments.value(callbackHost) else {
            return CallbackAddress(advertisedHost: "127.0.0.1", listenHost: "127.0.0.1", port: port)
        }
        guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else {
            throw UsageError("--callback-host must be a host name or IP address, not '\(host)'")
        }
        return CallbackAddress(advertisedHost: host, port: port)
    }
}
