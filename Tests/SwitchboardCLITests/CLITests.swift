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
        var environment = ProcessInfo.processInfo.environment
        environment["SWITCHBOARD_DATABASE"] = database
        environment["SWITCHBOARD_RECORDINGS"] = repositoryRoot().appendingPathComponent("Recordings").path
        let server = try ChildProcess.spawn(try switchboardBinary().path, ["serve", "--port", "0"], environment: environment)
        let watchdog = DispatchWorkItem { server.signal(SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        let firstLine = try await onThread { server.readLine() ?? "" }
        let url = try #require(firstLine.split(separator: " ").first { $0.hasPrefix("http://") })
        let (data, response) = try await httpGet("\(url)/healthz")
        #expect(response == 200)
        #expect(String(decoding: data, as: UTF8.self) == #"{"status":"ok"}"#)
        #expect(FileManager.default.fileExists(atPath: database))
        server.signal(SIGTERM)
        let status = try await onThread { server.wait() }
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

/// A GET over a plain blocking socket, on its own thread (the client module is tested on its own).
func httpGet(_ url: String) async throws -> (Data, Int) {
    try await onThread { try blockingGet(url) }
}

func blockingGet(_ url: String) throws -> (Data, Int) {
    let parts = url.replacingOccurrences(of: "http://", with: "").split(separator: "/", maxSplits: 1)
    let hostPort = parts[0].split(separator: ":")
    let port = UInt16(hostPort[1]) ?? 80
    let path = "/" + (parts.count > 1 ? String(parts[1]) : "")
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var all: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        all += buffer[0..<count]
    }
    let text = String(decoding: all, as: UTF8.self)
    let head = text.components(separatedBy: "\r\n\r\n")
    let status = Int(head[0].split(separator: " ")[1]) ?? 0
    return (Data(head.dropFirst().joined(separator: "\r\n\r\n").utf8), status)
}
