import Foundation

/// A regular expression compiled once at load time (ICU syntax through Foundation), searched per request.
struct CompiledRegex: Sendable {
    let pattern: String
    private let expression: NSRegularExpression

    /// Compiles the pattern; throws with the engine's reason when it is invalid.
    init(_ pattern: String) throws {
        self.pattern = pattern
        expression = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// Whether the pattern occurs anywhere in the text (anchor it with `^…$` for a whole match).
    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
