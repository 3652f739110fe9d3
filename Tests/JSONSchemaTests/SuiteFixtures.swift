import Foundation
import JSONSchema

/// Loads the official JSON Schema Test Suite copy under `Fixtures/json-schema-draft7`, found next to this file.
enum SuiteFixtures {
    /// The fixture folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/json-schema-draft7")

    /// Every file under `remotes/`, keyed as the suite's README says: `http://localhost:1234/<relative path>`.
    static func remotes() throws -> [String: JSONValue] {
        let base = root.appendingPathComponent("remotes")
        var documents: [String: JSONValue] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)
            documents["http://localhost:1234/" + relative] = try JSONValue(parsing: Data(contentsOf: url))
        }
        return documents
    }

    /// The `.json` files directly in a folder of the suite, sorted by name.
    static func testFiles(_ folder: String) throws -> [URL] {
        let directory = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// Runs suite files and tallies the outcome.
struct SuiteRunner {
    /// The result of running some files.
    struct Outcome {
        var total = 0
        var passed = 0
        /// `file › group › test: reason` for each failed case.
        var failures: [String] = []
    }

    let remotes: [String: JSONValue]

    /// Runs every case in `files`: the validator must agree with `valid`, and `validate` must agree with
    /// `isValid`.
    func run(_ files: [URL], formatAssertion: Bool, contentAssertion: Bool = false) throws -> Outcome {
        var outcome = Outcome()
        let options = JSONSchemaValidator.Options(formatAssertion: formatAssertion,
                                                  contentAssertion: contentAssertion, remotes: remotes)
        for file in files {
            let groups = try JSONValue(parsing: Data(contentsOf: file)).arrayValue ?? []
            for group in groups {
                let name = "\(file.lastPathComponent) › \(group["description"]?.stringValue ?? "?")"
                let cases = group["tests"]?.arrayValue ?? []
                outcome.total += cases.count
                let validator: JSONSchemaValidator
                do {
                    validator = try JSONSchemaValidator(schema: group["schema"] ?? .null, options: options)
                } catch {
                    for test in cases {
                        outcome.failures.append("\(name) › \(test["description"]?.stringValue ?? "?"): \(error)")
                    }
                    continue
                }
                for test in cases {
                    let data = test["data"] ?? .null
                    let expected = test["valid"]?.boolValue ?? false
                    let quick = validator.isValid(data)
                    let errors = validator.validate(data)
                    if quick == expected && errors.isEmpty == expected {
                        outcome.passed += 1
                    } else {
                        let detail = "expected \(expected ? "valid" : "invalid"), isValid \(quick), errors \(errors)"
                        outcome.failures.append("\(name) › \(test["description"]?.stringValue ?? "?"): \(detail)")
                    }
                }
            }
        }
        return outcome
    }
}
