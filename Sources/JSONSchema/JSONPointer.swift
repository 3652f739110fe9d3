import Foundation

/// A JSON Pointer (RFC 6901): a path of reference tokens into a JSON value.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first; empty for the whole document.
    public var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the string form (RFC 6901 §3), e.g. `/a~1b/0`; `nil` when it does not start with `/`
    /// (and is not empty) or has a `~` not followed by `0` or `1`.
    public init?(_ text: String) {
        guard !text.isEmpty else {
            self.init(tokens: [])
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(String(decoding: raw, as: UTF8.self)) else { return nil }
            tokens.append(token)
        }
        self.init(tokens: tokens)
    }

    /// Parses the URI fragment form (RFC 6901 §6), e.g. `#/a%20b`, percent-decoding first.
    public init?(uriFragment: String) {
        guard uriFragment.hasPrefix("#"), let decoded = URIReference.percentDecode(String(uriFragment.dropFirst()))
        else { return nil }
        self.init(decoded)
    }

    /// The string form, with `~` and `/` escaped (RFC 6901 §3).
    public var description: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// The URI fragment form (RFC 6901 §6), percent-encoding what a fragment cannot hold.
    public var uriFragment: String {
        "#" + URIReference.percentEncodeFragment(description)
    }

    /// A pointer one token deeper.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// A pointer one array index deeper.
    public func appending(index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The pointer one token up, or `nil` for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// Escapes a token: `~` as `~0`, then `/` as `~1` (RFC 6901 §3).
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Unescapes a token: `~1` to `/`, then `~0` to `~` (RFC 6901 §4); `nil` for any other use of `~`.
    public static func unescape(_ token: String) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        var result = ""
        var iterator = token.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "~" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }
}
