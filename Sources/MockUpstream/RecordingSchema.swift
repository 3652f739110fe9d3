import JSONSchema

/// The JSON Schema (draft-07) every recording file must satisfy; the loader enforces it before compiling.
enum RecordingSchema {
    /// The compiled validator, built once.
    static let validator: Result<JSONSchemaValidator, RecordingLoadError> = {
        do {
            let schema = try JSONValue(parsing: text)
            return .success(try JSONSchemaValidator(schema: schema))
        } catch {
            return .failure(RecordingLoadError(file: "recording.schema.json", field: "", message: "\(error)"))
        }
    }()

    /// The most specific schema violation in a file, or nil when it conforms.
    static func violation(in document: JSONValue, file: String) -> RecordingLoadError? {
        let validator: JSONSchemaValidator
        switch Self.validator {
        case .success(let compiled): validator = compiled
        case .failure(let error): return error
        }
        let errors = validator.validate(document)
        guard let deepest = errors.max(by: { $0.instancePath.count < $1.instancePath.count }) else { return nil }
        return RecordingLoadError(file: file, field: deepest.instancePath, message: deepest.message)
    }
}
