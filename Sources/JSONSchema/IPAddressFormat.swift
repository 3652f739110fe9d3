import Foundation

/// IPv4 dotted-quad (RFC 2673 §3.2) and IPv6 text (RFC 4291 §2.2) addresses.
enum IPAddressFormat {
    /// Four decimal octets 0–255 without leading zeros, nothing else (RFC 2673 §3.2).
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count),
                  part.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  part.first != UInt8(ascii: "0") || part.count == 1,
                  let value = Int(String(decoding: part, as: UTF8.self)), value <= 255
            else { return false }
        }
        return true
    }

    /// Eight groups of 1–4 hex digits, one `::` for a run of zero groups, optionally ending in an IPv4
    /// address that stands for two groups (RFC 4291 §2.2). No zone index, no brackets.
    static func isIPv6(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let string = String(decoding: utf8, as: UTF8.self)
        let halves = string.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let compressed = halves.count == 2
        var groups = 0
        for (position, half) in halves.enumerated() {
            guard !half.isEmpty else { continue }
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                let isLast = position == halves.count - 1 && index == pieces.count - 1
                if isLast && piece.contains(".") {
                    guard isIPv4(String(piece)) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }
}
