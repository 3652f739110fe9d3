/// Byte classes of the HTTP grammar (RFC 9110 §5.6.2 tokens, §5.5 field values), as bit masks and comparisons.
public enum ByteClass {
    /// The token bytes 0–63 as a bit mask (RFC 9110 §5.6.2 tchar).
    ///
    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT /
    /// ALPHA. Literals, because a table would be a lazily initialized global, checked on every access.
    static let tokenMaskLow: UInt64 = 0x03FF_6CFA_0000_0000
    /// The token bytes 64–127 as a bit mask.
    static let tokenMaskHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    /// Whether the byte may appear in a token (method, header name, chunk extension name).
    @inline(__always)
    public static func isToken(_ byte: UInt8) -> Bool {
        let mask = byte < 64 ? tokenMaskLow : byte < 128 ? tokenMaskHigh : 0
        return (mask >> UInt64(byte & 63)) & 1 == 1
    }

    /// Whether the bytes form a token: one or more token bytes (RFC 9110 §5.6.2), as a method or field name must.
    public static func isToken<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { isToken($0) }
    }

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

    /// Case-insensitive comparison of bytes (a field name) with a lowercase ASCII literal.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        for index in 0..<bytes.count where lowercased(bytes[index]) != lowercase.utf8Start[index] { return false }
        return true
    }

    /// ASCII lowercase of one byte.
    @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
