import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `GET` over a fresh loopback connection, to check that a benchmark target answers what it should.
struct BenchProbe {
    /// What a target answered.
    struct Answer: Equatable {
        var status: Int
        var contentType: String?
        var body: [UInt8]
        /// Every response field, by lowercased name (the last one wins).
        var headers: [String: String] = [:]

        /// `200 application/json '{"status":"ok"}'`, for messages.
        var summary: String {
            "\(status) \(contentType ?? "-") '\(String(decoding: body.prefix(80), as: UTF8.self))'"
        }

        /// The same status, content type and body, and the same values of the named fields.
        func sameContent(as other: Answer, headers names: [String]) -> Bool {
            status == other.status && contentType == other.contentType && body == other.body
                && names.allSatisfy { headers[$0.lowercased()] == other.headers[$0.lowercased()] }
        }
    }

    let port: Int

    /// Sends `GET path` with `Connection: close` and the given fields to 127.0.0.1 and reads the answer to EOF
    /// (2 s timeout).
    func get(_ path: String, headers: [(name: String, value: String)] = []) throws(BenchError) -> Answer {
        let fd = try connected()
        defer { close(fd) }
        let extra = headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(extra)Connection: close\r\n\r\n".utf8)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else {
            throw BenchError("cannot send a request to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                throw BenchError("no answer from 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
            }
            received += chunk[0..<count]
        }
        return try Self.parse(received, port: port)
    }

    /// Whether something accepts connections on the port yet.
    var isAccepting: Bool {
        guard let fd = try? connected() else { return false }
        close(fd)
        return true
    }

    private func connected() throws(BenchError) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = Self.loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw BenchError("cannot connect to 127.0.0.1:\(port): \(reason)")
        }
        return fd
    }

    /// Splits a whole response into status, Content-Type and body (Content-Length bytes when given).
    static func parse(_ bytes: [UInt8], port: Int) throws(BenchError) -> Answer {
        let separator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw BenchError("127.0.0.1:\(port) sent no complete response head")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw BenchError("127.0.0.1:\(port) sent a bad status line: \(lines[0])")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if let length = fields["content-length"].flatMap(Int.init), length <= body.count {
            body = Array(body[..<length])
        }
        return Answer(status: status, contentType: fields["content-type"], body: body, headers: fields)
    }

    /// A loopback port that was free a moment ago (bound to port 0, read back, released).
    static func freePort() throws(BenchError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw BenchError("cannot find a free loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// 127.0.0.1:port.
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
