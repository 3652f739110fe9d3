/// `application/x-www-form-urlencoded` and percent-encoding (WHATWG URL §5, RFC 3986 §2.1).
public enum FormURLEncoding {
    /// Splits `a=1&b=x+y` into decoded pairs, keeping order and repeats.
    public static func decode(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(pieces[0]), plusAsSpace: true)
            let value = pieces.count > 1 ? percentDecode(String(pieces[1]), plusAsSpace: true) : ""
            return (name, value)
        }
    }

    /// Joins pairs as `a=1&b=x+y`, escaping everything but unreserved characters.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0, spaceAsPlus: true))=\(escape($0.1, spaceAsPlus: true))" }.joined(separator: "&")
    }

    /// Percent-decodes; invalid escapes are kept as they are; invalid UTF-8 becomes U+FFFD.
    public static func percentDecode(_ text: String, plusAsSpace: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return text
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = ByteClass.hexValue(bytes[index + 1]), let low = ByteClass.hexValue(bytes[index + 2]) {
                out.append(UInt8(high << 4 | low))
                index += 3
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes every byte outside RFC 3986 unreserved (`A-Z a-z 0-9 - . _ ~`).
    public static func escape(_ text: String, spaceAsPlus: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20 where spaceAsPlus:
                out.append("+")
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0xF)]))
            }
        }
        return out
    }
}
