import Foundation

/// `contentEncoding` and `contentMediaType` as assertions (draft-07 validation §8).
enum ContentChecker {
    /// Whether `text` decodes with `encoding` (only `base64`, RFC 4648 §4, is known) and then parses as
    /// `mediaType` (only JSON media types are known); unknown encodings and media types pass.
    static func check(_ text: String, encoding: String?, mediaType: String?) -> Bool {
        var bytes = Array(text.utf8)
        if let encoding, encoding.lowercased() == "base64" {
            guard let data = Data(base64Encoded: text) else { return false }
            bytes = Array(data)
        }
        guard let mediaType else { return true }
        let essence = mediaType.lowercased().split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? ""
        guard essence == "application/json" || essence.hasSuffix("+json") else { return true }
        return (try? JSONValue(parsing: bytes)) != nil
    }
}
