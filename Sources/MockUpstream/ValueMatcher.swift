import JSONSchema

/// One compiled value check from a recording: equality, subset, regex, containment, presence, negation, any-of.
///
/// Every check present must hold. Values read from text (headers, query, path, form) compare with a
/// recording's non-string `equals` by their text, so `{"equals": 1}` matches `?n=1`.
struct ValueMatcher: Sendable {
    var equals: JSONValue?
    var subset: JSONValue?
    var regex: CompiledRegex?
    var contains: JSONValue?
    var present: Bool?
    var negated: [ValueMatcher] = []
    var anyOf: [ValueMatcher] = []

    /// Nil when the value passes; otherwise why it does not, for the near-miss report. With `explain` false the
    /// reason is empty, so the request path builds no message for a candidate that fails.
    func mismatch(_ value: JSONValue?, fromText: Bool, explain: Bool = true) -> String? {
        if let present {
            if present && value == nil { return explain ? "missing" : "" }
            if !present, let value { return explain ? "present (\(Self.describe(value)))" : "" }
        }
        if let equals {
            guard let value else { return explain ? "missing, expected \(Self.describe(equals))" : "" }
            if !Self.equal(equals, value, fromText: fromText) {
                return explain ? "expected \(Self.describe(equals)), got \(Self.describe(value))" : ""
            }
        }
        if let subset {
            guard let value else { return explain ? "missing, expected a superset of \(Self.describe(subset))" : "" }
            if !JSONSubset.contains(subset, in: value) {
                return explain ? "\(Self.describe(value)) does not contain \(Self.describe(subset))" : ""
            }
        }
        if let regex {
            guard let value else { return explain ? "missing, expected /\(regex.pattern)/" : "" }
            if !regex.matches(Self.text(of: value)) {
                return explain ? "\(Self.describe(value)) does not match /\(regex.pattern)/" : ""
            }
        }
        if let contains {
            guard let value else { return explain ? "missing, expected to contain \(Self.describe(contains))" : "" }
            if !Self.value(value, contains: contains) {
                return explain ? "\(Self.describe(value)) does not contain \(Self.describe(contains))" : ""
            }
        }
        for inner in negated where inner.mismatch(value, fromText: fromText, explain: false) == nil {
            return explain ? "\(value.map(Self.describe) ?? "absent") matches a 'not' condition" : ""
        }
        if !anyOf.isEmpty, !anyOf.contains(where: { $0.mismatch(value, fromText: fromText, explain: false) == nil }) {
            return explain ? "\(value.map(Self.describe) ?? "absent") matches none of 'anyOf'" : ""
        }
        return nil
    }

    private static func equal(_ expected: JSONValue, _ value: JSONValue, fromText: Bool) -> Bool {
        if expected == value { return true }
        if fromText, case .string(let text) = value { return text == Self.text(of: expected) }
        return false
    }

    private static func value(_ value: JSONValue, contains needle: JSONValue) -> Bool {
        switch value {
        case .string(let text): return text.contains(Self.text(of: needle))
        case .array(let elements): return elements.contains { JSONSubset.contains(needle, in: $0) }
        case .object(let members): return needle.stringValue.map { members[$0] != nil } ?? false
        default: return false
        }
    }

    /// A string's own text, or any other value serialized.
    static func text(of value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.serialized()
    }

    /// A short quoted form for messages.
    static func describe(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}

/// JSON subset semantics: objects need the pattern's members (recursively), arrays need each pattern element
/// to match some element, anything else must be equal.
enum JSONSubset {
    /// Whether `value` contains `pattern`.
    static func contains(_ pattern: JSONValue, in value: JSONValue) -> Bool {
        switch (pattern, value) {
        case (.object(let expected), .object(let actual)):
            return zip(expected.keys, expected.values).allSatisfy { key, inner in
                actual[key].map { contains(inner, in: $0) } ?? false
            }
        case (.array(let expected), .array(let actual)):
            return expected.allSatisfy { inner in actual.contains { contains(inner, in: $0) } }
        default:
            return pattern == value
        }
    }
}
