import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An nginx run by `switchboard bench http` with its own prefix, config, pid file and logs in a temporary folder,
/// serving the health body as a static file on one loopback port. The system's nginx config is never read.
struct BenchNginx {
    let executable: String
    let port: Int
    let workers: Int
    /// The temporary prefix: nginx.conf, the static file, the pid file, error.log and temp paths.
    let prefix: URL

    /// Writes the prefix folder and its config; `cleanup` removes the folder.
    init(executable: String, port: Int, workers: Int, body: String, contentType: String, cleanup: BenchCleanup) throws {
        self.executable = executable
        self.port = port
        self.workers = workers
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-bench-\(UUID())")
        self.prefix = prefix
        cleanup.add { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("html"),
                                                withIntermediateDirectories: true)
        try Data(body.utf8).write(to: prefix.appendingPathComponent("html/healthz"))
        try Data(config(contentType: contentType).utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
    }

    /// The config: `daemon off`, one worker per Switchboard loop, no access log, keep-alive on (not capped at
    /// nginx's default of 1,000 requests per connection, as Switchboard does not cap it either), and nginx at its
    /// best for a tiny static file: a `reuseport` listener per worker as Switchboard has per loop, the open file
    /// cached, the body copied behind the head in one write (sendfile costs a second syscall for 15 bytes), and no
    /// ETag or version in Server, which Switchboard does not send either. Measured on 2 cores, this tuning took
    /// nginx from about 50,000 to about 110,000 requests per second.
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
                sendfile off;
                tcp_nodelay on;
                open_file_cache max=16 inactive=60s;
                open_file_cache_valid 60s;
                etag off;
                server_tokens off;
                client_body_temp_path \(root)/client_body;
                proxy_temp_path \(root)/proxy;
                fastcgi_temp_path \(root)/fastcgi;
                uwsgi_temp_path \(root)/uwsgi;
                scgi_temp_path \(root)/scgi;
                server {
                    listen 127.0.0.1:\(port) reuseport;
                    location = /healthz {
                        types { }
                        default_type \(contentType);
                        alias \(root)/html/healthz;
                    }
                }
            }

            """
    }

    /// Starts nginx and waits until it accepts connections; `cleanup` stops it.
    func start(cleanup: BenchCleanup) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let errorLog = prefix.appendingPathComponent("error.log").path
        process.arguments = ["-p", prefix.path + "/", "-c", prefix.appendingPathComponent("nginx.conf").path,
                             "-e", errorLog]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        cleanup.add { Self.stop(process) }
        let probe = BenchProbe(port: port)
        for _ in 0..<200 {
            if probe.isAccepting { return }
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
                let lastLine = log.split(separator: "\n").last.map(String.init)
                throw BenchError("nginx did not start: \(lastLine ?? "exit status \(process.terminationStatus)")")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("nginx did not accept connections on 127.0.0.1:\(port) within 5 seconds")
    }

    /// The version line nginx prints, e.g. `nginx/1.22.1`.
    func version(cleanup: BenchCleanup) async -> String {
        guard let (_, output) = try? await runProgram(executable, ["-v"], cleanup: cleanup),
              let version = output.split(separator: ":").last else { return "nginx" }
        return version.trimmingCharacters(in: .whitespacesAndNewlines)
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
