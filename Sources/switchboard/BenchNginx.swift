import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An nginx run by `switchboard bench` with its own prefix, config, pid file and logs in a temporary folder,
/// serving the health body as a static file on one loopback port. The system's nginx config is never read.
struct BenchNginx {
    let executable: String
    let port: Int
    let workers: Int
    /// The temporary prefix: nginx.conf, the static file, the pid file, error.log and temp paths.
    let prefix: URL

    /// Writes the prefix folder and its config.
    init(executable: String, port: Int, workers: Int, body: String, contentType: String) throws {
        self.executable = executable
        self.port = port
        self.workers = workers
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("html"),
                                                withIntermediateDirectories: true)
        try Data(body.utf8).write(to: prefix.appendingPathComponent("html/healthz"))
        try Data(config(contentType: contentType).utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
    }

    /// The config: `daemon off`, one worker per Switchboard loop, no access log, keep-alive on (and not capped
    /// at nginx's default of 1,000 requests per connection, as Switchboard does not cap it either).
    func config(contentType: String) -> String {
        let root = prefix.path
        return """
            daemon off;
            worker_processes \(workers);
            pid \(root)/nginx.pid;
            error_log \(root)/error.log warn;
            events {
                worker_connections 4096;
            }
            http {
                access_log off;
                keepalive_timeout 60s;
                keepalive_requests 1000000;
                sendfile on;
                tcp_nodelay on;
                client_body_temp_path \(root)/client_body;
                proxy_temp_path \(root)/proxy;
                fastcgi_temp_path \(root)/fastcgi;
                uwsgi_temp_path \(root)/uwsgi;
                scgi_temp_path \(root)/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    location = /healthz {
                        types { }
                        default_type \(contentType);
                        alias \(root)/html/healthz;
                    }
                }
            }

            """
    }

    /// Starts nginx and waits until it accepts connections; `cleanup` stops it and removes the prefix.
    func start(cleanup: BenchCleanup) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let errorLog = prefix.appendingPathComponent("error.log").path
        process.arguments = ["-p", prefix.path + "/", "-c", prefix.appendingPathComponent("nginx.conf").path,
                             "-e", errorLog]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let prefix = self.prefix
        cleanup.add { try? FileManager.default.removeItem(at: prefix) }
        try process.run()
        cleanup.add { Self.stop(process) }
        let probe = BenchProbe(port: port)
        for _ in 0..<200 {
            if probe.isAccepting { return }
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
                let reason = log.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
                throw BenchError("nginx did not start: \(reason)")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("nginx did not accept connections on 127.0.0.1:\(port) within 5 seconds")
    }

    /// The version line nginx prints, e.g. `nginx/1.22.1`.
    func version(cleanup: BenchCleanup) async -> String {
        guard let (_, output) = try? await runProgram(executable, ["-v"], cleanup: cleanup) else { return "nginx" }
        return output.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "nginx"
    }

    /// Fast shutdown (SIGTERM) of the master, which stops its workers; SIGKILL after 5 seconds.
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
