import JSONSchema

/// The JSON Schemas of Switchboard's own file formats, and the checker that applies them.
enum BundledSchemas {
    /// The `$id` prefix of the formats' schemas and of shared body schemas (`…/contracts/schemas/<file>`).
    static let contractsBase = "https://switchboard.local/contracts/"

    /// Every bundled schema by `$id`, so one can `$ref` another.
    static var remotes: [String: JSONValue] {
        var documents: [String: JSONValue] = [:]
        for text in [contract, scenario, profile, manifest] {
            if let document = try? JSONValue(parsing: text), let id = document["$id"]?.stringValue {
                documents[id] = document
            }
        }
        return documents
    }

    /// A checker for one of the bundled schemas.
    static func checker(_ text: String, name: String) throws(LoadError) -> DocumentChecker {
        do {
            let schema = try JSONValue(parsing: text)
            return DocumentChecker(validator: try JSONSchemaValidator(schema: schema, options: .init(remotes: remotes)))
        } catch {
            throw LoadError(file: "<bundled \(name)>", field: "", message: "\(error)")
        }
    }
}

/// Checks a document against one of the formats' schemas and reports the most specific problems.
struct DocumentChecker: Sendable {
    let validator: JSONSchemaValidator

    /// At most `limit` problems, deepest fields first; an ancestor of a reported field is not reported again.
    func problems(in document: JSONValue, file: String, limit: Int = 5) -> [LoadError] {
        let errors = validator.validate(document)
        let ordered = errors.sorted { depth($0.instancePath) > depth($1.instancePath) }
        var kept: [ValidationError] = []
        for error in ordered where !kept.contains(where: { isAncestor(error.instancePath, of: $0.instancePath) }) {
            if !kept.contains(where: { $0.instancePath == error.instancePath && $0.message == error.message }) {
                kept.append(error)
            }
        }
        return kept.prefix(limit).map { LoadError(file: file, field: $0.instancePath, message: $0.message) }
    }

    private func depth(_ pointer: String) -> Int {
        pointer.split(separator: "/", omittingEmptySubsequences: false).count
    }

    private func isAncestor(_ pointer: String, of other: String) -> Bool {
        other != pointer && (pointer.isEmpty || other.hasPrefix(pointer + "/"))
    }
}
