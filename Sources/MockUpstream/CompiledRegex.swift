import Foundation
import Synchronization

/// A regular expression compiled once at load time (ICU syntax through Foundation), searched per request.
///
/// Results for short texts are remembered (a client sends the same key or header again and again, and a search
/// costs several microseconds); the memory is cleared whenever it holds `memoLimit` texts.
struct CompiledRegex: Sendable {
    static let memoLimit = 256
    static let memoTextLimit = 512

    let pattern: String
    private let expression: NSRegularExpression
    private let memo = Memo()

    /// Compiles the pattern; throws with the engine's reason when it is invalid.
    init(_ pattern: String) throws {
        self.pattern = pattern
        expression = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// Whether the pattern occurs anywhere in the text (anchor it with `^…$` for a whole match).
    func matches(_ text: String) -> Bool {
        let remembered = text.utf8.count <= Self.memoTextLimit
        if remembered, let known = memo.results.withLock({ $0[text] }) { return known }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        let found = expression.firstMatch(in: text, options: [], range: range) != nil
        if remembered {
            memo.results.withLock { results in
                if results.count >= Self.memoLimit { results.removeAll(keepingCapacity: true) }
                results[text] = found
            }
        }
        return found
    }

    /// Texts already searched and whether they matched.
    private final class Memo: Sendable {
        let results = Mutex<[String: Bool]>([:])
    }
}
