/// `{param}` segments of an endpoint's path template.
enum PathTemplate {
    /// The parameter names, in order.
    static func parameters(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The template with each `{param}` replaced by `value(param)`, percent-encoded as a path segment.
    static func fill(
        _ template: String, _ value: (String) throws(PlaceholderError) -> String
    ) throws(PlaceholderError) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            output += PercentEncoding.pathSegment(try value(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}

/// Percent-encoding for URL parts (RFC 3986 §2.1).
enum PercentEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    private static let segmentExtras = Set("!$&'()*+,;=:@".utf8)

    /// A path segment: unreserved characters and sub-delimiters stay, everything else is encoded.
    static func pathSegment(_ text: String) -> String {
        encode(text) { unreserved.contains($0) || segmentExtras.contains($0) }
    }

    /// A query name or value: only unreserved characters stay.
    static func queryComponent(_ text: String) -> String { encode(text) { unreserved.contains($0) } }

    private static func encode(_ text: String, keeping: (UInt8) -> Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            if keeping(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
