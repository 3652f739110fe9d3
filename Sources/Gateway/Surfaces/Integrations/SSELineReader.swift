import HTTPCore

/// Reads `data:` payloads from a server-sent event stream as chunks arrive (WHATWG HTML §9.2.6: lines end
/// in LF, CR LF or CR; a field is `name: value`; events end at an empty line).
struct SSELineReader {
    private var pending: [UInt8] = []

    /// Feeds a chunk and returns the `data` values of the lines it completed.
    mutating func feed(_ chunk: [UInt8]) -> [String] {
        pending += chunk
        var payloads: [String] = []
        while let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            let line = String(decoding: pending[..<end], as: UTF8.self)
            var next = end + 1
            if pending[end] == 0x0D, next < pending.count, pending[next] == 0x0A { next += 1 }
            pending.removeFirst(next)
            guard line.hasPrefix("data:") else { continue }
            var value = line.dropFirst(5)
            if value.first == " " { value = value.dropFirst() }
            payloads.append(String(value))
        }
        return payloads
    }
}
