import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A response read by `rawRequest`: the status, the head's fields (lowercased names), the body (de-chunked; empty when
/// not kept) and its length on the wire.
struct RawResponse {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]
    let length: Int

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One HTTP/1.1 exchange over a plain blocking socket with `Connection: close`, read to the end (the client module is
/// tested on its own; these tests look at the binary from outside). `onBody` sees the running body length after
/// each read; with `keepBody` false the body is counted, not kept.
func rawRequest(_ url: String, method: String = "GET", headers: [(String, String)] = [], body: [UInt8] = [],
                keepBody: Bool = true, onBody: (Int) -> Void = { _ in }) throws -> RawResponse {
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
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
    let request = Array((head + "\r\n").utf8) + body
    var sent = 0
    while sent < request.count {
        let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw CocoaError(.fileWriteUnknown) }
        sent += count
    }
    var received: [UInt8] = []
    var bodyStart: Int?
    var bodyLength = 0
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        if bodyStart != nil {
            bodyLength += count
            if keepBody { received += buffer[0..<count] }
        } else {
            received += buffer[0..<count]
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                bodyStart = end.upperBound
                bodyLength = received.count - end.upperBound
                if !keepBody { received.removeSubrange(end.upperBound...) }
            }
        }
        onBody(bodyLength)
    }
    guard let start = bodyStart else { throw CocoaError(.fileReadCorruptFile) }
    let lines = String(decoding: received[..<start], as: UTF8.self).components(separatedBy: "\r\n")
    var fields: [String: String] = [:]
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
    var body = Array(received[start...])
    if fields["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunked(body) }
    return RawResponse(status: status, headers: fields, body: body, length: bodyLength)
}

/// A chunked body's data (RFC 9112 §7.1), without extensions or trailers.
func dechunked(_ bytes: [UInt8]) throws -> [UInt8] {
    var data: [UInt8] = []
    var index = 0
    let crlf = Array("\r\n".utf8)
    while let lineEnd = bytes[index...].firstRange(of: crlf) {
        let line = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
        guard let size = Int(line.split(separator: ";")[0], radix: 16) else { throw CocoaError(.fileReadCorruptFile) }
        if size == 0 { return data }
        let start = lineEnd.upperBound
        guard start + size + 2 <= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
        data += bytes[start..<start + size]
        index = start + size + 2
    }
    throw CocoaError(.fileReadCorruptFile)
}
