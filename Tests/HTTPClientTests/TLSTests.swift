import ChildProcess
import Foundation
import HTTPCore
import Testing
@testable import HTTPClient
#if canImport(Glibc)
import Glibc
#endif

/// An `openssl s_server -www` on a loopback port with a fresh self-signed certificate for localhost.
final class OpenSSLServer: Sendable {
    static let executable = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    let directory: URL
    let port: Int
    private let process: Child

    /// The certificate's path, to use as a CA bundle.
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = directory.appendingPathComponent("key.pem").path, cert = directory.appendingPathComponent("cert.pem").path
        _ = try await ChildProcess.run(Self.executable, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "2", "-keyout", key, "-out", cert], timeout: .seconds(60))
        port = try closedPort()
        process = try ChildProcess.spawn(Self.executable, ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key,
                                                           "-www", "-quiet"])
        guard await Self.waitForListener(port: port) else {
            stop()
            struct NotListening: Error {}
            throw NotListening()
        }
    }

    /// Stops the server and removes its files.
    ///
    /// SIGKILL: nothing needs a clean shutdown.
    func stop() {
        process.signal(SIGKILL)
        process.wait()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Polls until a TCP connection to the port succeeds; false after 5 s.
    private static func waitForListener(port: Int) async -> Bool {
        for _ in 0..<500 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}

@Suite("TLS", .enabled(if: OpenSSLServer.isAvailable, "needs the openssl command"))
struct TLSTests {
    @Test("A self-signed server fails verification by default, passes with its CA file or with checks off")
    func verification() async throws {
        let server = try await OpenSSLServer()
        defer { server.stop() }
        let url = "https://localhost:\(server.port)/"

        let strict = HTTPClient()
        defer { strict.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await strict.send(HTTPClientRequest(url: url, timeout: .seconds(5)))
        }
        guard case .tls? = error else {
            Issue.record("expected .tls, got \(String(describing: error))")
            return
        }

        let trusting = HTTPClient(configuration: .init(tls: .init(caBundlePath: server.certificatePath)))
        defer { trusting.shutdown() }
        let trusted = try await trusting.send(HTTPClientRequest(url: url, timeout: .seconds(5)))
        #expect(trusted.status == .ok)
        #expect(!(try await trusted.collect()).isEmpty)

        let insecure = HTTPClient(configuration: .init(tls: .insecureForTesting))
        defer { insecure.shutdown() }
        let unchecked = try await insecure.send(
            HTTPClientRequest(url: "https://127.0.0.1:\(server.port)/", timeout: .seconds(5)))
        #expect(unchecked.status == .ok)
        _ = try await unchecked.collect()
    }
}
