/// Host names (RFC 1123 §2.1, with A-labels per RFC 5890–5891) and internationalized host names.
enum HostnameFormat {
    /// Label separators for IDNA (RFC 3490 §3.1): full stop, ideographic, fullwidth and halfwidth stops.
    static let separators: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    /// An ASCII host name: LDH labels of 1–63 octets, at most 253 octets, `xn--` labels valid A-labels.
    static func isHostname(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253, text.unicodeScalars.allSatisfy(\.isASCII) else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { isASCIILabel(Array($0.unicodeScalars)) }
    }

    /// An internationalized host name: labels that are LDH labels, A-labels or U-labels (RFC 5890 §2.3.2.1),
    /// separated by any IDNA full stop, with the Bidi rule applied across the name (RFC 5893 §2).
    static func isInternationalHostname(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 253 else { return false }
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if separators.contains(scalar) { labels.append([]) } else { labels[labels.count - 1].append(scalar) }
        }
        var total = labels.count - 1
        var unicodeLabels: [[Unicode.Scalar]] = []
        for label in labels {
            guard !label.isEmpty else { return false }
            if label.allSatisfy(\.isASCII) {
                guard isASCIILabel(label) else { return false }
                total += label.count
                unicodeLabels.append(decodedALabel(label) ?? label)
            } else {
                guard label.count <= 59, IDNA.isULabel(label) else { return false }
                let encoded = "xn--" + Punycode.encode(label)
                guard encoded.utf8.count <= 63 else { return false }
                total += encoded.utf8.count
                unicodeLabels.append(label)
            }
        }
        return total <= 253 && IDNA.satisfiesBidiRule(unicodeLabels)
    }

    /// An LDH label (RFC 1123 §2.1); `xn--` labels must be valid A-labels, and other labels must not have
    /// `--` in positions 3 and 4 (RFC 5891 §4.2.3.1).
    static func isASCIILabel(_ label: [Unicode.Scalar]) -> Bool {
        guard (1...63).contains(label.count), label.first != "-", label.last != "-",
              label.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" })
        else { return false }
        guard label.count >= 4, label[2] == "-", label[3] == "-" else { return true }
        guard let unicode = decodedALabel(label) else { return false }
        return IDNA.isULabel(unicode) && IDNA.satisfiesBidiRule([unicode])
    }

    /// The U-label of an `xn--` label, when it is canonical Punycode for a non-ASCII label (RFC 5891 §5.4).
    static func decodedALabel(_ label: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let text = String(String.UnicodeScalarView(label)).lowercased()
        guard text.hasPrefix("xn--") else { return nil }
        let body = String(text.dropFirst(4))
        guard let decoded = Punycode.decode(body), !decoded.allSatisfy(\.isASCII),
              Punycode.encode(decoded) == body
        else { return nil }
        return decoded
    }
}
