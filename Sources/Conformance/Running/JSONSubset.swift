import JSONSchema

/// "Contains" for JSON: every key of an expected object is in the actual one with a containing value; arrays
/// have the same length and contain element by element; other values are equal.
enum JSONSubset {
    /// Where `actual` does not contain `expected`, as (JSON Pointer, message) pairs; empty when it does.
    static func differences(
        _ expected: JSONValue, in actual: JSONValue, at path: String = "",
        limit: Int = 20
    ) -> [(path: String, message: String)] {
        var found: [(path: String, message: String)] = []
        collect(expected, actual, path, limit, &found)
        return found
    }

    /// Whether `actual` contains `expected`.
    static func contains(_ expected: JSONValue, in actual: JSONValue) -> Bool {
        differences(expected, in: actual, limit: 1).isEmpty
    }

    private static func collect(
        _ expected: JSONValue, _ actual: JSONValue, _ path: String, _ limit: Int,
        _ found: inout [(path: String, message: String)]
    ) {
        guard found.count < limit else { return }
        switch (expected, actual) {
        case (.object(let wanted), .object(let members)):
            for (key, value) in wanted {
                let child = path + "/" + JSONPointer.escape(key)
                guard let member = members[key] else {
                    found.append((child, "missing (expected \(brief(value)))"))
                    continue
                }
                collect(value, member, child, limit, &found)
            }
        case (.array(let wanted), .array(let elements)):
            guard wanted.count == elements.count else {
                found.append((path, "expected \(wanted.count) elements, got \(elements.count)"))
                return
            }
            for (index, pair) in zip(wanted, elements).enumerated() {
                collect(pair.0, pair.1, path + "/\(index)", limit, &found)
            }
        default:
            if expected != actual { found.append((path, "expected \(brief(expected)), got \(brief(actual))")) }
        }
    }

    /// A value for a message, cut to a readable length.
    static func brief(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
