import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking loopback TCP client that sends exact bytes and reads raw responses, for server tests.
/// `@unchecked Sendable`: a test hands it between threads but uses it from one at a time.
final class RawClient: @unchecked Sendable {
    let fd: Int32

    init(port: Int, timeout: TimeInterval = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw RawClientError.connectFailed(errno)
        }
        setTimeout(timeout)
    }

    deinit { close(fd) }

    /// Sets the receive timeout for `read`.
    func setTimeout(_ seconds: TimeInterval) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - floor(seconds)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads once: the bytes available, empty on EOF, nil on timeout or error.
    func readSome() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { return errno == ECONNRESET ? [] : nil }
        return Array(buffer[0..<count])
    }

    /// Reads until the peer closes (or the timeout), returning everything.
    func readUntilClose() -> (bytes: [UInt8], closed: Bool) {
        var all: [UInt8] = []
        while true {
            guard let chunk = readSome() else { return (all, false) }
            if chunk.isEmpty { return (all, true) }
            all += chunk
        }
    }

    /// Reads until `count` responses have arrived (or the peer closes or times out); reports whether it closed.
    func readResponses(_ count: Int) -> (responses: [RawResponse], closed: Bool) {
        var buffer: [UInt8] = []
        var responses: [RawResponse] = []
        while true {
            while let response = RawResponse.parse(buffer) {
                responses.append(response)
                buffer = response.rest
            }
            if responses.count >= count {
                if responses.last?.header("Connection") == "close" {
                    let rest = readUntilClose()
                    return (responses, rest.closed)
                }
                return (responses, false)
            }
            guard let chunk = readSome() else { return (responses, false) }
            if chunk.isEmpty { return (responses, true) }
            buffer += chunk
        }
    }

    /// Reads exactly one response with a Content-Length body (or none).
    func readResponse() throws -> RawResponse {
        var buffer: [UInt8] = []
        while true {
            if let response = RawResponse.parse(buffer) { return response }
            guard let chunk = readSome(), !chunk.isEmpty else { throw RawClientError.noResponse(buffer.count) }
            buffer += chunk
        }
    }
}

enum RawClientError: Error {
    case connectFailed(Int32)
    case noResponse(Int)
}

/// A response read off the wire: status, fields, and body for Content-Length framing.
struct RawResponse {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]
    /// Bytes after this response (a pipelined one, say).
    let rest: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Parses one response from the front of `bytes`, or nil if incomplete.
    static func parse(_ bytes: [UInt8]) -> RawResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            return nil
        }
        let headText = String(decoding: bytes[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        let bodyStart = end + 4
        if status == 100 {
            return RawResponse(status: status, headers: headers, body: [], rest: Array(bytes[bodyStart...]))
        }
        guard bytes.count >= bodyStart + length else { return nil }
        return RawResponse(status: status, headers: headers, body: Array(bytes[bodyStart..<bodyStart + length]),
                           rest: Array(bytes[(bodyStart + length)...]))
    }
}

extension RawClient {
    /// Reads until the peer ends the connection; `reset` is true when it ended with an RST (`ECONNRESET`), not a
    /// FIN, and nil when it did not end before the timeout.
    func readUntilEnd() -> (bytes: [UInt8], reset: Bool?) {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                all += buffer[0..<count]
            } else if count == 0 {
                return (all, false)
            } else if errno != EINTR {
                return (all, errno == ECONNRESET ? true : nil)
            }
        }
    }
}
