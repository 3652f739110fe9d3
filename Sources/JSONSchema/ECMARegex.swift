import Foundation

/// A compiled ECMA-262 regular expression, as JSON Schema's `pattern`, `patternProperties` and the `regex`
/// format require (draft-07 validation §4.3).
///
/// The pattern is translated to ICU syntax and run by `NSRegularExpression`: `\d`, `\w`, `\s` and their
/// negations get their ECMA-262 meaning (ASCII digits and word characters, ECMA white space), `$` matches
/// only at the end, `\cX` and `\v` are ECMA control escapes, `[]` and `[^]` work. Unknown letter escapes,
/// `(?P<…>)`, `(?#…)` and inline flags are rejected, as ECMA-262 (with the `u` flag) does. Matching is a
/// search, not anchored (§4.3). ICU does not support unbounded lookbehind, so such patterns are rejected.
struct ECMARegex: Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let expression: NSRegularExpression

    /// Compiles a pattern; `nil` when it is not a valid ECMA-262 regular expression (as far as we can tell).
    init?(_ source: String) {
        var translator = ECMARegexTranslator(source)
        guard let translated = translator.translate(),
              let expression = try? NSRegularExpression(pattern: translated)
        else { return nil }
        self.source = source
        self.expression = expression
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
