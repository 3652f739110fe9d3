import ChildProcess
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `switchboard` binary and checks its output and exit status, as a user would see them.
@Suite("switchboard command line")
struct CLITests {
    @Test("--help lists the commands and exits 0")
    func help() async throws {
        let result = try await runSwitchboard(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("serve"))
        #expect(result.stdout.contains("bench http"))
        #expect(result.stdout.contains("bench suite"))
    }

    @Test("serve --help lists each flag with its environment variable")
    func serveHelp() async throws {
        let result = try await runSwitchboard(["serve", "--help"])
        #expect(result.status == 0)
        for flag in ["--host", "--port", "--database", "SWITCHBOARD_HOST", "SWITCHBOARD_PORT", "SWITCHBOARD_DATABASE"] {
            #expect(result.stdout.contains(flag), "missing \(flag)")
        }
    }

    @Test("bad usage gets one clear line on stderr and exit 64",
          arguments: [
            (["serve", "--bogus"], [:], "unknown option '--bogus'"),
            (["serve", "--port", "eighty"], [:], "--port must be a whole number"),
            (["serve", "--port"], [:], "needs a value"),
            (["serve"], ["SWITCHBOARD_PORT": "99999"], "SWITCHBOARD_PORT must be a whole number"),
            (["serve", "--node", "/nonexistent/node"], [:], "--node '/nonexistent/node' is not an executable file"),
            (["launch"], [:], "unknown command 'launch'"),
            (["bench"], [:], "unknown command 'bench'"),
            (["bench", "http", "--connections", "1", "--threads", "2"], [:], "must be at least --threads"),
            (["bench", "suite", "--runs", "0"], [:], "--runs must be a whole number from 1 to 100"),
            (["verify", "--base-url", "http://127.0.0.1:9", "--callback-host", "a b"], [:], "--callback-host must be a host name"),
          ] as [([String], [String: String], String)])
    func badUsage(_ arguments: [String], _ environment: [String: String], _ message: String) async throws {
        let result = try await runSwitchboard(arguments, environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("admin commands create an organization, project, member, keys and service keys on a database file")
    func adminCommands() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-admin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = ["--database", directory.appendingPathComponent("a.sqlite").path]
        #expect(try await runSwitchboard(["admin", "create-org", "--slug", "acme"] + database).status == 0)
        let project = try await runSwitchboard(["admin", "create-project", "--org", "acme", "--name", "P"] + database)
        #expect(UUID(uuidString: project.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)
        let member = try await runSwitchboard(["admin", "create-member", "--org", "acme", "--email", "a@acme.example", "--role", "viewer"] + database)
        #expect(member.stdout.split(separator: "\n").last?.split(separator: ".").count == 3, "a JWT for the member")
        let key = try await runSwitchboard(["admin", "create-key", "--org", "acme", "--role", "member"] + database)
        #expect(key.stdout.hasPrefix("sk_"))
        let service = try await runSwitchboard(["admin", "set-service-key", "--org", "acme", "--service", "elevenlabs",
                                                "--fields", "key=xi-secret-123"] + database)
        #expect(service.status == 0)
        #expect(service.stdout.contains("fields: key") && !service.stdout.contains("xi-secret-123"))
        let listed = try await runSwitchboard(["admin", "list-orgs"] + database)
        #expect(listed.stdout.contains(" acme "))
        let bad = try await runSwitchboard(["admin", "set-platform-key", "--service", "openai", "--fields", "nonsense"] + database)
        #expect(bad.status == 64)
    }

    @Test("serve listens where the environment says, answers /healthz, creates its database, stops on SIGTERM")
    func serveRuns() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("gateway.sqlite").path
        let server = try await SwitchboardProcess.start(["serve", "--port", "0"], environment: [
            "SWITCHBOARD_DATABASE": database,
            "SWITCHBOARD_RECORDINGS": repositoryRoot().appendingPathComponent("Recordings").path,
        ])
        let health = try await onThread { try rawRequest("\(server.baseURL)/healthz") }
        #expect(health.status == 200)
        #expect(health.text == #"{"status":"ok"}"#)
        #expect(FileManager.default.fileExists(atPath: database))
        let status = try await server.stop()
        #expect(status == 0)
    }
}

/// The output and status of one run.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// The binary SwiftPM built next to the test bundle.
func switchboardBinary() throws -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("switchboard")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile)
}

/// Runs the binary to completion (ChildProcess reads both pipes while it runs, so large output cannot deadlock).
func runSwitchboard(_ arguments: [String], environment: [String: String] = [:]) async throws -> RunResult {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWITCHBOARD_") }
    env.merge(environment) { $1 }
    let output = try await ChildProcess.run(try switchboardBinary().path, arguments, environment: env, timeout: .seconds(60))
    return RunResult(status: output.status, stdout: output.stdoutText, stderr: output.stderrText)
}

/// The repository's root (for Recordings/).
func repositoryRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}


/// Runs blocking work on its own thread, so it never holds one of the cooperative pool's (two, here) threads.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
