/// One way an instance fails its schema, in the shape of ajv's errors.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// A JSON Pointer (RFC 6901) to the failing part of the instance; `""` for the instance itself.
    public let instancePath: String
    /// The keyword that failed, e.g. `type`, `required`; after a `$ref`, the keyword in the referenced schema.
    public let keyword: String
    /// Where the keyword is, e.g. `#/properties/a/type` (for remote schemas, their URI before the `#`).
    public let schemaPath: String
    /// What is wrong, for people, e.g. "must have required property 'name'".
    public let message: String

    /// Creates an error.
    public init(instancePath: String, keyword: String, schemaPath: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.schemaPath = schemaPath
        self.message = message
    }

    /// E.g. `/a/0: must be string (type)`; the instance itself is shown as `(root)`.
    public var description: String {
        "\(instancePath.isEmpty ? "(root)" : instancePath): \(message) (\(keyword))"
    }
}
