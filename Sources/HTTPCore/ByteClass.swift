/// Byte classes of the HTTP grammar (RFC 9110 §5.6.2 tokens, §5.5 field values), as lookup tables.
public enum ByteClass {
    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static let tokenTable: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(UInt8(byte))
        }
    }

    /// Whether the byte may appear in a token (method, header name, chunk extension name).
    @inline(__always)
    public static func isToken(_ byte: UInt8) -> Bool { tokenTable[Int(byte)] }

    /// field-vchar / SP / HTAB, with obs-text (0x80–0xFF) allowed as RFC 9110 §5.5 permits.
    @inline(__always)
    public static func isFieldValue(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
    }

    /// Visible ASCII and the bytes of UTF-8 sequences: what a request-target may hold. RFC 3986 allows only
    /// ASCII, but raw UTF-8 paths are common and harmless (http-desync-guardian rates them compliant, nginx
    /// accepts them); the parser checks that the target is valid UTF-8 once the line is complete.
    @inline(__always)
    public static func isTargetByte(_ byte: UInt8) -> Bool { byte > 0x20 && byte != 0x7F }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    public static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// ASCII lowercase of one byte.
    @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
