import Foundation
import HTTPCore
import JSONSchema

/// Compares a response with an expectation and lists every difference: the status (alone when it differs, since
/// header and body rules describe the expected response), then header fields, schema errors by instance path, and
/// the body subset.
enum ResponseChecker {
    /// The most schema errors one response reports.
    static let schemaErrorLimit = 20

    static func check(
        _ response: ReceivedResponse, _ expectation: Expectation, context: TemplateContext,
        step: String?
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        if !expectation.accepts(response.status) {
            return [Mismatch(.status, "expected \(expectation.statusDescription), got \(response.status)", step: step)]
        }
        mismatches += headers(response.headers, expectation.headers, context: context, step: step)
        mismatches += body(
            response.json, jsonError: response.jsonError, schema: expectation.schema,
            subset: expectation.bodySubset, context: context, step: step)
        return mismatches
    }

    /// Differences between header fields and rules (an `equals` value may hold placeholders).
    static func headers(
        _ headers: HTTPHeaders, _ rules: [HeaderExpectation], context: TemplateContext,
        step: String?
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for expectation in rules {
            let value = headers[expectation.name]
            func fail(_ message: String) {
                mismatches.append(Mismatch(.header, path: expectation.name, message, step: step))
            }
            switch expectation.rule {
            case .present(true):
                if value == nil { fail("missing") }
            case .present(false):
                if let value { fail("must be absent, got \(quoted(value))") }
            case .equals(let template):
                do {
                    let wanted = try Placeholders.render(template, in: context)
                    if value != wanted { fail("expected \(quoted(wanted)), got \(value.map(quoted) ?? "no field")") }
                } catch {
                    mismatches.append(Mismatch(.placeholder, path: expectation.name, error.description, step: step))
                }
            case .regex(let pattern):
                guard let value else {
                    fail("missing (expected a match for /\(pattern)/)")
                    continue
                }
                let regex = try? NSRegularExpression(pattern: pattern)
                let range = NSRange(value.startIndex..., in: value)
                if regex?.firstMatch(in: value, range: range) == nil {
                    fail("\(quoted(value)) does not match /\(pattern)/")
                }
            }
        }
        return mismatches
    }

    /// Schema errors by instance path, then differences from the subset (rendered with the context).
    static func body(
        _ json: JSONValue?, jsonError: String?, schema: JSONSchemaValidator?, subset: JSONValue?,
        context: TemplateContext, step: String?
    ) -> [Mismatch] {
        guard schema != nil || subset != nil else { return [] }
        guard let json else { return [Mismatch(.body, path: "", jsonError ?? "the body is not JSON", step: step)] }
        var mismatches: [Mismatch] = []
        if let schema {
            let errors = schema.validate(json)
            for error in errors.prefix(schemaErrorLimit) {
                mismatches.append(
                    Mismatch(.schema, path: error.instancePath, "\(error.message) (\(error.keyword))", step: step))
            }
            if errors.count > schemaErrorLimit {
                mismatches.append(
                    Mismatch(.schema, "… and \(errors.count - schemaErrorLimit) more schema errors", step: step))
            }
        }
        if let subset {
            do {
                let wanted = try Placeholders.render(subset, in: context)
                for difference in JSONSubset.differences(wanted, in: json) {
                    mismatches.append(Mismatch(.body, path: difference.path, difference.message, step: step))
                }
            } catch {
                mismatches.append(Mismatch(.placeholder, path: "bodySubset", error.description, step: step))
            }
        }
        return mismatches
    }

    static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
