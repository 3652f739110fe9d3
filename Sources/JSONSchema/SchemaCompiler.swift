/// Turns schema documents into `SchemaNode`s, resolving every `$ref` once, at build time.
struct SchemaCompiler {
    var registry: SchemaRegistry
    private(set) var nodes: [SchemaNode] = []
    private var memo: [String: Int] = [:]
    private var regexes: [String: ECMARegex] = [:]

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Compiles the schema at `location` (once per canonical location) and returns its node index.
    mutating func compile(_ location: SchemaLocation) throws(SchemaError) -> Int {
        if let index = memo[location.key] { return index }
        let index = nodes.count
        nodes.append(SchemaNode(path: location.key, body: .accept))
        memo[location.key] = index
        nodes[index].body = try compileBody(location)
        return index
    }

    private mutating func compileBody(_ location: SchemaLocation) throws(SchemaError) -> SchemaNode.Body {
        switch location.schema {
        case .bool(let accepts):
            return accepts ? .accept : .reject
        case .object(let members):
            let scope = KeywordScope(members: members, base: location.base, key: location.key)
            if let reference = members["$ref"] {
                return .reference(try compileReference(reference, scope: scope))
            }
            if let id = members["$id"], id.stringValue == nil {
                throw SchemaError(schemaPath: scope.path("$id"), message: "must be a string")
            }
            let inner = KeywordScope(members: members, base: SchemaRegistry.applyingID(of: location.schema,
                                                                                         to: location.base),
                                     key: location.key)
            try compileDefinitions(inner)
            let keywords = try compileKeywords(inner)
            return keywords.isEmpty ? .accept : .keywords(keywords)
        default:
            throw SchemaError(schemaPath: location.key, message: "a schema must be an object or a boolean")
        }
    }

    /// Resolves `$ref` against the base URI outside its schema, since a sibling `$id` is ignored
    /// (draft-07 core §8.3).
    private mutating func compileReference(_ reference: JSONValue, scope: KeywordScope) throws(SchemaError) -> Int {
        guard case .string(let text) = reference else {
            throw SchemaError(schemaPath: scope.path("$ref"), message: "must be a string")
        }
        guard let target = registry.resolve(text, base: scope.base) else {
            throw SchemaError(schemaPath: scope.path("$ref"), message: "cannot resolve reference '\(text)'")
        }
        return try compile(target)
    }

    /// Compiles `definitions` so that mistakes in them are reported when the validator is built.
    private mutating func compileDefinitions(_ scope: KeywordScope) throws(SchemaError) {
        guard let definitions = scope.members["definitions"] else { return }
        guard case .object(let map) = definitions else {
            throw SchemaError(schemaPath: scope.path("definitions"), message: "must be an object of schemas")
        }
        for (name, schema) in map {
            _ = try subschema(schema, scope: scope, path: scope.path("definitions") + "/" + JSONPointer.escape(name))
        }
    }

    /// Compiles a subschema found at `path` (a location key).
    mutating func subschema(_ schema: JSONValue, scope: KeywordScope, path: String) throws(SchemaError) -> Int {
        try compile(SchemaLocation(schema: schema, base: scope.base, key: path))
    }

    /// A compiled pattern, shared between uses of the same source text.
    mutating func regex(_ value: JSONValue, path: String) throws(SchemaError) -> ECMARegex {
        guard case .string(let source) = value else {
            throw SchemaError(schemaPath: path, message: "must be a string")
        }
        if let cached = regexes[source] { return cached }
        guard let compiled = ECMARegex(source) else {
            throw SchemaError(schemaPath: path, message: "'\(source)' is not a supported ECMA-262 regular expression")
        }
        regexes[source] = compiled
        return compiled
    }
}

/// The members of one schema object, with its base URI and location.
struct KeywordScope {
    let members: JSONObject
    let base: String
    let key: String

    /// The location of a keyword of this schema.
    func path(_ keyword: String) -> String {
        key + "/" + JSONPointer.escape(keyword)
    }
}
