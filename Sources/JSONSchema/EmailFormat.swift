/// E-mail addresses: RFC 5321 §4.1.2 `Mailbox`, and with UTF-8 allowed, RFC 6531 §3.3.
enum EmailFormat {
    /// `local-part "@" domain`, where the local part is a dot-string or a quoted string (at most 64 octets)
    /// and the domain is a host name or an address literal (`[192.0.2.1]`, `[IPv6:…]`).
    static func isEmail(_ text: String, international: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let at = scalars.lastIndex(of: "@"), at > 0, at < scalars.count - 1 else { return false }
        let local = Array(scalars[..<at])
        let domain = String(String.UnicodeScalarView(scalars[(at + 1)...]))
        guard String(String.UnicodeScalarView(local)).utf8.count <= 64,
              isLocalPart(local, international: international)
        else { return false }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = String(domain.dropFirst().dropLast())
            if literal.hasPrefix("IPv6:") { return IPAddressFormat.isIPv6(String(literal.dropFirst(5))) }
            return IPAddressFormat.isIPv4(literal)
        }
        return international ? HostnameFormat.isInternationalHostname(domain) : HostnameFormat.isHostname(domain)
    }

    private static func isLocalPart(_ local: [Unicode.Scalar], international: Bool) -> Bool {
        if local.first == "\"" {
            guard local.count >= 2, local.last == "\"" else { return false }
            var index = 1
            while index < local.count - 1 {
                let scalar = local[index]
                if scalar == "\\" {
                    guard index + 1 < local.count - 1, (0x20...0x7E).contains(local[index + 1].value) else {
                        return false
                    }
                    index += 2
                    continue
                }
                let value = scalar.value
                let isQText = value == 32 || value == 33 || (35...91).contains(value) || (93...126).contains(value)
                guard isQText || (international && !scalar.isASCII) else { return false }
                index += 1
            }
            return true
        }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isAtomText($0) || (international && !$0.isASCII) }
        }
    }

    /// `atext` (RFC 5322 §3.2.3).
    private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
