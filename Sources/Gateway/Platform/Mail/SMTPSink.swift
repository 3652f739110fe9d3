import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A message the sink received.
public struct ReceivedMail: Sendable {
    public let from: String
    public let recipients: [String]
    /// The DATA section with dot-stuffing removed (RFC 5321 §4.5.2).
    public let data: String
    public let authenticatedUser: String?
}

/// An SMTP server that accepts and keeps every message (RFC 5321 subset: EHLO/HELO, AUTH PLAIN and LOGIN,
/// MAIL, RCPT, DATA, RSET, NOOP, QUIT), for tests and the default `serve` instead of a real mail server.
public final class SMTPSink: Sendable {
    private let listener: Int32
    public let port: Int
    private let received = Mutex<[ReceivedMail]>([])

    /// Listens on 127.0.0.1 (port 0 picks one).
    public init(port: Int = 0) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw PlatformError.invalid("SMTP sink cannot listen on port \(port)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts accepting connections, each served on its own thread.
    public func start() {
        let fd = listener
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue } else { return } }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    /// Every message received so far.
    public var messages: [ReceivedMail] { received.withLock { $0 } }

    /// Stops accepting connections.
    public func stop() { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var reader = LineReader(fd: fd)
        func say(_ line: String) { _ = Array((line + "\r\n").utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        say("220 switchboard SMTP sink ready")
        var from: String?
        var recipients: [String] = []
        var user: String?
        while let line = reader.next() {
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                say("250-switchboard"); say("250-AUTH PLAIN LOGIN"); say("250 8BITMIME")
            } else if upper.hasPrefix("HELO") {
                say("250 switchboard")
            } else if upper.hasPrefix("AUTH PLAIN") {
                let encoded = line.split(separator: " ").dropFirst(2).first.map(String.init) ?? { say("334 "); return reader.next() ?? "" }()
                let parts = Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false) }
                user = parts.flatMap { $0.count >= 2 ? String($0[1]) : nil }
                say("235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("AUTH LOGIN") {
                say("334 VXNlcm5hbWU6")
                user = reader.next().flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
                say("334 UGFzc3dvcmQ6")
                _ = reader.next()
                say("235 2.7.0 Authentication successful")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = Self.address(line); recipients = []; say("250 OK")
            } else if upper.hasPrefix("RCPT TO:") {
                recipients.append(Self.address(line)); say("250 OK")
            } else if upper == "DATA" {
                guard from != nil, !recipients.isEmpty else { say("503 5.5.1 MAIL and RCPT first"); continue }
                say("354 End data with <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while let dataLine = reader.next(), dataLine != "." { lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine) }
                let mail = ReceivedMail(from: from ?? "", recipients: recipients, data: lines.joined(separator: "\r\n"), authenticatedUser: user)
                received.withLock { $0.append(mail) }
                say("250 OK: queued")
            } else if upper == "RSET" {
                from = nil; recipients = []; say("250 OK")
            } else if upper == "NOOP" {
                say("250 OK")
            } else if upper == "QUIT" {
                say("221 Bye"); return
            } else {
                say("502 5.5.2 Command not recognized")
            }
        }
    }

    /// `MAIL FROM:<a@b> SIZE=1` → `a@b`.
    static func address(_ line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else {
            return String(line.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
        }
        return String(line[line.index(after: open)..<close])
    }
}

/// Reads CRLF-terminated lines from a blocking socket.
struct LineReader {
    let fd: Int32
    var buffer: [UInt8] = []

    mutating func next() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer += chunk[..<count]
            if buffer.count > 1 << 20 { return nil }
        }
    }
}
