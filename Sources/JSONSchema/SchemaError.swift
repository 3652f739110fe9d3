/// Why a schema could not be compiled: where in the schema, and what is wrong with it.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, as a URI with a JSON Pointer fragment, e.g. `#/properties/a/minLength`.
    public let schemaPath: String
    /// What is wrong, e.g. "must be a non-negative integer".
    public let message: String

    /// Creates an error.
    public init(schemaPath: String, message: String) {
        self.schemaPath = schemaPath
        self.message = message
    }

    /// The path and the message, e.g. "invalid schema at #/minLength: must be a non-negative integer".
    public var description: String {
        "invalid schema at \(schemaPath): \(message)"
    }
}
