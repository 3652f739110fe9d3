import Foundation

/// Standard base64 with padding (RFC 4648 §4), through Foundation.
public enum Base64 {
    /// Encodes bytes as padded standard base64 (RFC 4648 §4).
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes padded standard base64 (RFC 4648 §4); `nil` on any character outside the alphabet.
    public static func decode(_ text: String) -> Data? {
        Data(base64Encoded: text)
    }
}
