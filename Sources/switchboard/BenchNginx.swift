import ChildProcess
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An nginx run by `switchboard bench …` with its own prefix, config, pid file and logs in a temporary folder,
/// serving one answer as a static file on one loopback port. The system's nginx config is never read.
struct BenchNginx {
    /// What nginx serves: one exact path, its body, its content type and extra response fields.
    struct Site {
        let path: String
        let body: [UInt8]
        let contentType: String
        let headers: [(String, String)]
    }

    let executable: String
    let port: Int
    let workers: Int
    let site: Site
    /// The temporary prefix: nginx.conf, the static file, the pid file, error.log and temp paths.
    let prefix: URL

    /// Writes the prefix folder and its config; `cleanup` removes the folder.
    init(executable: String, port: Int, workers: Int, site: Site, cleanup: BenchCleanup) throws {
        self.executable = executable
        self.port = port
        self.workers = workers
        self.site = site
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-bench-\(UUID())")
        self.prefix = prefix
        cleanup.add { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("html"),
                                                withIntermediateDirectories: true)
        try Data(site.body).write(to: prefix.appendingPathComponent("html/body"))
        try Data(config().utf8).write(to: prefix.appendingPathComponent("nginx.conf"))
    }

    /// The config: `daemon off`, one worker per Switchboard loop, no access log, keep-alive on (not capped at
    /// nginx's default of 1,000 requests per connection, as Switchboard does not cap it either), and nginx at its
    /// best for a tiny static file: a `reuseport` listener per worker as Switchboard has per loop, the open file
    /// cached, the body copied behind the head in one write (sendfile costs a second syscall for 15 bytes), and no
    /// ETag or version in Server, which Switchboard does not send either. Measured on 2 cores, this tuning took
    /// nginx from about 50,000 to about 110,000 requests per second.
    func config() -> String {
        let root = prefix.path
        let extra = site.headers.map { "add_header \($0.0) \"\($0.1)\" always;" }.joined(separator: "\n                ")
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
                    location = \(site.path) {
                        types { }
                        default_type "\(site.contentType)";
                        \(extra)
                        alias \(root)/html/body;
                    }
                }
            }

            """
    }

    /// Starts nginx and waits until it accepts connections; returns its master's pid. `cleanup` stops it.
    func start(cleanup: BenchCleanup) async throws -> pid_t {
        let errorLog = prefix.appendingPathComponent("error.log").path
        let child = try ChildProcess.spawn(executable, ["-p", prefix.path + "/", "-c",
                                                        prefix.appendingPathComponent("nginx.conf").path, "-e", errorLog])
        let process = BenchChild(child)
        cleanup.add { process.stop() }
        let probe = BenchProbe(port: port)
        for _ in 0..<200 {
            if probe.isAccepting { return child.pid }
            if let status = process.exitStatus() {
                let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
                let lastLine = log.split(separator: "\n").last.map(String.init)
                throw BenchError("nginx did not start: \(lastLine ?? "exit status \(status)")")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw BenchError("nginx did not accept connections on 127.0.0.1:\(port) within 5 seconds")
    }

    /// The version line nginx prints, e.g. `nginx/1.22.1`.
    func version() async -> String {
        guard let output = try? await ChildProcess.run(executable, ["-v"], timeout: .seconds(5)),
              let version = (output.stderrText + output.stdoutText).split(separator: ":").last else { return "nginx" }
        return version.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A long-running child (nginx's master): whether it has exited, and a stop that escalates to SIGKILL.
final class BenchChild: Sendable {
    let child: Child
    private let status = Mutex<Int32?>(nil)

    init(_ child: Child) { self.child = child }

    /// The exit status once the child has ended (reaped here), else nil.
    func exitStatus() -> Int32? {
        status.withLock { status in
            if status == nil {
                var raw: Int32 = 0
                if waitpid(child.pid, &raw, WNOHANG) == child.pid {
                    status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
                    for fd in [child.stdin, child.stdout, child.stderr] { close(fd) }
                }
            }
            return status
        }
    }

    /// Fast shutdown (SIGTERM) of nginx's master, which stops its workers; SIGKILL after 5 seconds.
    func stop() {
        guard exitStatus() == nil else { return }
        child.signal(SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while exitStatus() == nil && Date() < deadline { usleep(20_000) }
        if exitStatus() == nil {
            child.signal(SIGKILL)
            while exitStatus() == nil { usleep(5_000) }
        }
    }
}
