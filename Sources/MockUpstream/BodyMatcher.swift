import JSONSchema

/// The compiled body part of a request matcher: JSON equality or subset, JSON Pointer checks, form fields,
/// fields of either encoding, and the raw text.
struct BodyMatcher: Sendable {
    var equals: JSONValue?
    var subset: JSONValue?
    var pointers: [(pointer: JSONPointer, text: String, matcher: ValueMatcher)] = []
    var form: [(name: String, matcher: ValueMatcher)] = []
    var fields: [(name: String, matcher: ValueMatcher)] = []
    var text: ValueMatcher?

    /// The number of checks, for specificity.
    var weight: Int {
        (equals == nil ? 0 : 1) + (subset == nil ? 0 : 1) + pointers.count + form.count + fields.count
            + (text == nil ? 0 : 1)
    }

    /// Appends why the body does not match (stopping at the first reason unless `collect`).
    func check(_ request: MockRequest, collect: Bool, into differences: inout [String]) {
        if let equals {
            if request.json != equals {
                differences.append("body: expected JSON \(ValueMatcher.describe(equals))")
                if !collect { return }
            }
        }
        if let subset {
            if !(request.json.map { JSONSubset.contains(subset, in: $0) } ?? false) {
                differences.append("body: expected JSON containing \(ValueMatcher.describe(subset))")
                if !collect { return }
            }
        }
        for entry in pointers {
            if let reason = entry.matcher.mismatch(request.json?.at(entry.pointer), fromText: false, explain: collect) {
                differences.append("body \(entry.text): \(reason)")
                if !collect { return }
            }
        }
        for entry in form {
            let value = request.formValue(entry.name).map(JSONValue.string)
            if let reason = entry.matcher.mismatch(value, fromText: true, explain: collect) {
                differences.append("form field \(entry.name): \(reason)")
                if !collect { return }
            }
        }
        for entry in fields {
            let value = request.field(entry.name)
            let fromText = request.formValue(entry.name) != nil
            if let reason = entry.matcher.mismatch(value, fromText: fromText, explain: collect) {
                differences.append("body field \(entry.name): \(reason)")
                if !collect { return }
            }
        }
        let raw: JSONValue? = request.body.isEmpty ? nil : .string(request.bodyText)
        if let text, let reason = text.mismatch(raw, fromText: true, explain: collect) {
            differences.append("body text: \(reason)")
        }
    }
}
