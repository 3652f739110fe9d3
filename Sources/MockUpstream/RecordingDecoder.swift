import Foundation
import HTTPCore
import JSONSchema

/// Turns one schema-valid recording object into a compiled `Recording`, naming the field of any semantic
/// error (a bad regex, path template, pointer, template or base64 text).
struct RecordingDecoder {
    let file: String
    let provider: Provider

    /// Decodes `/recordings/<index>`.
    func decode(_ value: JSONValue, index: Int, order: Int) throws(RecordingLoadError) -> Recording {
        let base = "/recordings/\(index)"
        let operation = value["operation"]
        let scenario = value["scenario"].map { step in
            ScenarioStep(name: step["name"]?.stringValue ?? "", state: step["state"]?.stringValue,
                         nextState: step["nextState"]?.stringValue)
        }
        return Recording(
            id: value["id"]?.stringValue ?? "",
            provider: provider,
            operation: OperationReference(spec: operation?["spec"]?.stringValue ?? "",
                                          id: operation?["id"]?.stringValue ?? "",
                                          schema: operation?["schema"]?.stringValue),
            file: file, order: order,
            priority: value["priority"]?.intValue ?? 0,
            servesFault: value["servesFault"]?.boolValue ?? false,
            matcher: try decodeRequest(value["request"] ?? .null, at: base + "/request"),
            scenario: scenario,
            response: try ResponseDecoder(decoder: self).decode(value["response"] ?? .null, at: base + "/response"))
    }

    /// An error at a field of this file.
    func fail(_ field: String, _ message: String) -> RecordingLoadError {
        RecordingLoadError(file: file, field: field, message: message)
    }

    private func decodeRequest(_ value: JSONValue, at field: String) throws(RecordingLoadError) -> RequestMatcher {
        let methodText = value["method"]?.stringValue ?? "*"
        let template: PathTemplate
        do {
            template = try PathTemplate(value["path"]?.stringValue ?? "/")
        } catch {
            throw fail(field + "/path", error.message)
        }
        var matcher = RequestMatcher(method: methodText == "*" ? nil : HTTPMethod(rawValue: methodText), path: template)
        matcher.pathParameters = try decodeMap(value["pathParams"], at: field + "/pathParams")
        matcher.query = try decodeMap(value["query"], at: field + "/query")
        matcher.headers = try decodeMap(value["headers"], at: field + "/headers")
        if let body = value["body"] { matcher.body = try decodeBody(body, at: field + "/body") }
        return matcher
    }

    private func decodeBody(_ value: JSONValue, at field: String) throws(RecordingLoadError) -> BodyMatcher {
        var body = BodyMatcher()
        body.equals = value["equals"]
        body.subset = value["subset"]
        for (name, matcher) in try decodeMap(value["pointers"], at: field + "/pointers") {
            guard let pointer = JSONPointer(name) else {
                throw fail(field + "/pointers/" + JSONPointer.escape(name),
                           "'\(name)' is not a JSON Pointer (RFC 6901)")
            }
            body.pointers.append((pointer, name, matcher))
        }
        body.form = try decodeMap(value["form"], at: field + "/form")
        body.fields = try decodeMap(value["fields"], at: field + "/fields")
        if let text = value["text"] { body.text = try decodeMatcher(text, at: field + "/text") }
        return body
    }

    private func decodeMap(_ value: JSONValue?, at field: String)
        throws(RecordingLoadError) -> [(name: String, matcher: ValueMatcher)] {
        guard let object = value?.objectValue else { return [] }
        var result: [(name: String, matcher: ValueMatcher)] = []
        for (name, inner) in zip(object.keys, object.values) {
            result.append((name, try decodeMatcher(inner, at: field + "/" + JSONPointer.escape(name))))
        }
        return result
    }

    /// A matcher object, or a scalar meaning `equals`.
    func decodeMatcher(_ value: JSONValue, at field: String) throws(RecordingLoadError) -> ValueMatcher {
        guard let object = value.objectValue else { return ValueMatcher(equals: value) }
        var matcher = ValueMatcher()
        matcher.equals = object["equals"]
        matcher.subset = object["subset"]
        matcher.contains = object["contains"]
        matcher.present = object["present"]?.boolValue
        if let pattern = object["regex"]?.stringValue {
            do {
                matcher.regex = try CompiledRegex(pattern)
            } catch {
                throw fail(field + "/regex", "invalid regular expression '\(pattern)': \(error.localizedDescription)")
            }
        }
        if let inner = object["not"] { matcher.negated = [try decodeMatcher(inner, at: field + "/not")] }
        for (position, inner) in (object["anyOf"]?.arrayValue ?? []).enumerated() {
            matcher.anyOf.append(try decodeMatcher(inner, at: field + "/anyOf/\(position)"))
        }
        return matcher
    }
}
