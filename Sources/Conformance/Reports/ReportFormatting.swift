import Foundation

extension Duration {
    /// The duration in seconds.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// Whole milliseconds.
    var milliseconds: Int { Int((seconds * 1000).rounded()) }

    /// `1.23 s` or `45 ms`.
    var readable: String { seconds >= 1 ? String(format: "%.2f s", seconds) : "\(milliseconds) ms" }
}

/// Escaping for XML and HTML text and attribute values.
enum Markup {
    /// The text with `& < > " '` escaped and characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }
}

/// The text a failure shows: what differed, then the exchange that failed.
enum FailureText {
    /// Mismatches, one per line.
    static func mismatches(_ result: CaseResult) -> [String] { result.mismatches.map(\.description) }

    /// The last exchange (the one that failed), request then response, as lines.
    static func exchange(_ result: CaseResult) -> [String] {
        guard let exchange = result.exchanges.last else { return [] }
        var lines = ["request" + (exchange.step.map { " (step \($0))" } ?? "") + ":"]
        lines.append("  \(exchange.request.method) \(exchange.request.url)")
        lines += exchange.request.headers.map { "  \($0.name): \($0.value)" }
        if let body = exchange.request.body, !body.isEmpty { lines += indent(body) }
        guard let response = exchange.response else {
            lines.append("response: none")
            return lines
        }
        lines.append("response: \(response.status) (\(response.duration.readable), \(response.bodyBytes) bytes):")
        lines += response.headers.map { "  \($0.name): \($0.value)" }
        if !response.body.isEmpty {
            lines += indent(response.body + (response.bodyBytes > response.body.utf8.count ? " …" : ""))
        }
        return lines
    }

    private static func indent(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).map { "  " + $0 }
    }
}
