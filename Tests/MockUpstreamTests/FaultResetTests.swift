import Foundation
import Testing
@testable import MockUpstream
#if canImport(Glibc)
import Glibc
#endif

/// `reset` and `empty` end the connection with a real TCP RST: a client reading on sees ECONNRESET.
@Suite("Faults that reset the connection")
struct FaultResetTests {
    /// Sends one request on a fresh loopback connection and reads until the connection ends.
    static func exchange(port: Int, _ request: String) -> (text: String, errno: Int32?) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return ("", errno) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                return (String(decoding: received, as: UTF8.self), count == 0 ? nil : errno)
            }
        }
    }

    /// The same on a thread of its own, so blocking reads never starve the cooperative pool the mock's streams use.
    static func exchangeOffPool(port: Int, fault: String) async -> (text: String, errno: Int32?) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: exchange(port: port, request(fault: fault))) }
        }
    }

    static func request(fault: String) -> String {
        let body = #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}"#
        return "POST /openai/v1/chat/completions HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer sk-1\r\n"
            + "X-Mock-Fault: \(fault)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    @Test("reset: the head, no body, then ECONNRESET; empty: a head with Content-Length 0, then ECONNRESET",
          arguments: [("reset", false), ("empty", true)])
    func resets(_ fault: String, _ emptyLength: Bool) async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let port = mock.port
        let outcome = await Self.exchangeOffPool(port: port, fault: fault)
        #expect(outcome.errno == ECONNRESET, "the connection must end with an RST, not a FIN")
        #expect(outcome.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(outcome.text.hasSuffix("\r\n\r\n"), "no body byte is sent")
        #expect(outcome.text.lowercased().contains("content-length: 0\r\n") == emptyLength)
        #expect(mock.journal.last?.status == 200)
    }

    @Test("truncate still ends with a FIN after the bytes it sends")
    func truncateCloses() async throws {
        let mock = try await startMock()
        defer { Task { await mock.stop() } }
        let port = mock.port
        let outcome = await Self.exchangeOffPool(port: port, fault: "truncate=10")
        #expect(outcome.errno == nil)
        #expect(outcome.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }
}
