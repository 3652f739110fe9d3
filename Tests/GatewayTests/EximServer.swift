import ChildProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's MTA, exim4 (package exim4-daemon-light), as a throwaway SMTP server on a free loopback port: AUTH PLAIN
/// and LOGIN for one user over plain TCP, relaying refused without it, every message delivered to a maildir.
/// It runs as root with its own config (`-C`), spool, log and pid file; delivery runs as `Debian-exim`.
struct EximServer {
    static let executable = "/usr/sbin/exim4"
    static let user = "switchboard"
    static let password = "s3cret"

    let port: Int
    let directory: URL
    private let child: Child

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` with a fresh exim and stops it afterwards, whether `body` passed or threw; returns exim's exit status.
    static func with(_ body: (EximServer) async throws -> Void) async throws -> Int32 {
        let exim = try await start()
        do {
            try await body(exim)
        } catch {
            _ = await exim.stop()
            throw error
        }
        return await exim.stop()
    }

    /// Starts exim and waits for its pid file, which it writes once it listens.
    static func start() async throws -> EximServer {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw Unavailable(description: "\(executable) is missing: apt-get install exim4-daemon-light (.ci/run does)")
        }
        guard getuid() == 0, let account = getpwnam("Debian-exim") else {
            throw Unavailable(description: "exim's test server needs root and the Debian-exim user")
        }
        let directory = URL(fileURLWithPath: "/tmp/sb-exim-\(UUID().uuidString)")
        for folder in ["", "spool", "log", "mail"] {
            let path = directory.appendingPathComponent(folder).path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            if folder.isEmpty { chmod(path, 0o755) } else { chown(path, account.pointee.pw_uid, account.pointee.pw_gid) }
        }
        let port = try freePort()
        let config = directory.appendingPathComponent("exim.conf")
        try configuration(directory: directory.path, port: port).write(to: config, atomically: true, encoding: .utf8)
        chmod(config.path, 0o644)
        let pidFile = directory.appendingPathComponent("exim.pid").path
        let child = try ChildProcess.spawn(executable, ["-C", config.path, "-bdf", "-oX", "\(port)", "-oP", pidFile],
                                           environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: pidFile) {
            guard ContinuousClock.now < deadline else {
                child.signal(SIGKILL)
                throw Unavailable(description: "exim did not start: \(String(decoding: Self.drain(child.stderr), as: UTF8.self))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return EximServer(port: port, directory: directory, child: child)
    }

    /// The messages delivered so far, oldest first (maildir `new/`: complete files only).
    func messages() -> [String] {
        let folder = directory.appendingPathComponent("mail/new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Waits up to five seconds for `count` messages (exim answers 250 just before it delivers).
    func waitForMessages(_ count: Int) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(5)
        while messages().count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        return messages()
    }

    /// Stops the daemon (SIGTERM) and removes its folder; returns its exit status.
    func stop() async -> Int32 {
        child.signal(SIGTERM)
        let status = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: child.wait()) }
        }
        try? FileManager.default.removeItem(at: directory)
        return status
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Unavailable(description: "no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func drain(_ fd: Int32) -> [UInt8] {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return count > 0 ? Array(buffer[0..<count]) : []
    }

    private static func configuration(directory: String, port: Int) -> String {
        """
        primary_hostname = exim-test.localdomain
        exim_path = /usr/sbin/exim4
        spool_directory = \(directory)/spool
        log_file_path = \(directory)/log/%slog
        pid_file_path = \(directory)/exim.pid
        daemon_smtp_ports = \(port)
        local_interfaces = <; 127.0.0.1
        disable_ipv6 = true
        host_lookup =
        rfc1413_hosts =
        tls_advertise_hosts =
        auth_advertise_hosts = *
        queue_only = false
        keep_environment =
        acl_smtp_rcpt = acl_check_rcpt

        begin acl
        acl_check_rcpt:
          accept authenticated = *
          deny   message = 530 authentication required

        begin routers
        everything:
          driver = accept
          transport = to_maildir

        begin transports
        to_maildir:
          driver = appendfile
          directory = \(directory)/mail
          maildir_format
          user = Debian-exim
          group = Debian-exim
          mode = 0644
          envelope_to_add
          return_path_add

        begin authenticators
        plain:
          driver = plaintext
          public_name = PLAIN
          server_prompts = :
          server_condition = ${if and {{eq{$auth2}{\(user)}}{eq{$auth3}{\(password)}}}}
          server_set_id = $auth2
        login:
          driver = plaintext
          public_name = LOGIN
          server_prompts = Username:: : Password::
          server_condition = ${if and {{eq{$auth1}{\(user)}}{eq{$auth2}{\(password)}}}}
          server_set_id = $auth1

        """
    }
}
