/// A JSON Schema draft-07 validator, built once from a schema and reusable from any thread.
///
/// Building it indexes `$id`s, resolves every `$ref` (local pointers, plain-name fragments, `remotes`, and
/// the bundled draft-07 meta-schema) and compiles patterns, so a broken schema fails here with a
/// `SchemaError` rather than during validation.
public struct JSONSchemaValidator: Sendable {
    /// How the validator treats the optional parts of draft-07.
    public struct Options: Sendable {
        /// Whether `format` is an assertion; draft-07 validation §7.2 makes it an annotation by default.
        public var formatAssertion: Bool
        /// Whether `contentEncoding` (`base64`) and `contentMediaType` (`application/json`) are assertions;
        /// draft-07 validation §8 makes them annotations by default.
        public var contentAssertion: Bool
        /// Schema documents for remote `$ref`s, keyed by absolute URI (an empty fragment `#` is ignored).
        public var remotes: [String: JSONValue]

        /// Creates options; everything optional is off, and there are no remote documents.
        public init(formatAssertion: Bool = false, contentAssertion: Bool = false,
                    remotes: [String: JSONValue] = [:]) {
            self.formatAssertion = formatAssertion
            self.contentAssertion = contentAssertion
            self.remotes = remotes
        }
    }

    /// The schema the validator was built from.
    public let schema: JSONValue
    /// The options the validator was built with.
    public let options: Options
    let nodes: [SchemaNode]
    let root: Int

    /// Compiles `schema`; throws `SchemaError` when it is not a valid draft-07 schema or a `$ref` cannot be
    /// resolved.
    public init(schema: JSONValue, options: Options = Options()) throws(SchemaError) {
        var registry = SchemaRegistry(remotes: options.remotes)
        let location = registry.addRoot(schema)
        var compiler = SchemaCompiler(registry: registry)
        root = try compiler.compile(location)
        nodes = compiler.nodes
        self.schema = schema
        self.options = options
    }

    /// Every way `instance` fails the schema, in schema order; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [ValidationError] {
        var evaluator = SchemaEvaluator(nodes: nodes, options: options)
        _ = evaluator.evaluate(root, instance, collect: true)
        return evaluator.errors
    }

    /// Whether `instance` is valid; stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(nodes: nodes, options: options)
        return evaluator.evaluate(root, instance, collect: false)
    }
}
