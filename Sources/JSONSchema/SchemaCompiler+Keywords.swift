extension SchemaCompiler {
    /// Compiles the keywords of one schema object in a fixed order: type checks, then type-specific
    /// assertions, then applicators (draft-07 validation §6).
    mutating func compileKeywords(_ scope: KeywordScope) throws(SchemaError) -> [CompiledKeyword] {
        var keywords: [CompiledKeyword] = []
        func add(_ name: String, _ rule: KeywordRule) {
            keywords.append(CompiledKeyword(name: name, path: scope.path(name), rule: rule))
        }
        if let value = scope.members["type"] {
            let names = try typeNames(value, path: scope.path("type"))
            add("type", .type(names.reduce(into: JSONTypeSet()) { $0.formUnion(JSONTypeSet(name: $1) ?? []) },
                              names: names))
        }
        if let value = scope.members["enum"] {
            guard case .array(let allowed) = value else {
                throw SchemaError(schemaPath: scope.path("enum"), message: "must be an array")
            }
            add("enum", .enumeration(allowed))
        }
        if let value = scope.members["const"] { add("const", .constant(value)) }
        if let bound = try number(scope, "maximum") { add("maximum", .maximum(bound)) }
        if let bound = try number(scope, "exclusiveMaximum") { add("exclusiveMaximum", .exclusiveMaximum(bound)) }
        if let bound = try number(scope, "minimum") { add("minimum", .minimum(bound)) }
        if let bound = try number(scope, "exclusiveMinimum") { add("exclusiveMinimum", .exclusiveMinimum(bound)) }
        if let step = try number(scope, "multipleOf") {
            guard step > JSONNumber(0) else {
                throw SchemaError(schemaPath: scope.path("multipleOf"), message: "must be a number greater than 0")
            }
            add("multipleOf", .multipleOf(step))
        }
        if let limit = try count(scope, "maxLength") { add("maxLength", .maxLength(limit)) }
        if let limit = try count(scope, "minLength") { add("minLength", .minLength(limit)) }
        if let value = scope.members["pattern"] {
            add("pattern", .pattern(try regex(value, path: scope.path("pattern"))))
        }
        if let name = try string(scope, "format") { add("format", .format(name)) }
        let encoding = try string(scope, "contentEncoding")
        let mediaType = try string(scope, "contentMediaType")
        if encoding != nil || mediaType != nil {
            add(mediaType != nil ? "contentMediaType" : "contentEncoding",
                .content(encoding: encoding, mediaType: mediaType))
        }
        try compileArrayKeywords(scope, into: &keywords)
        try compileObjectKeywords(scope, into: &keywords)
        try compileApplicators(scope, into: &keywords)
        return keywords
    }

    private func typeNames(_ value: JSONValue, path: String) throws(SchemaError) -> [String] {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let elements) where !elements.isEmpty: names = elements
        default: throw SchemaError(schemaPath: path, message: "must be a type name or a non-empty array of them")
        }
        var result: [String] = []
        for name in names {
            guard case .string(let text) = name, JSONTypeSet(name: text) != nil else {
                throw SchemaError(schemaPath: path, message: "\(name) is not one of the seven JSON Schema types")
            }
            guard !result.contains(text) else {
                throw SchemaError(schemaPath: path, message: "type names must be unique")
            }
            result.append(text)
        }
        return result
    }

    /// A keyword whose value must be a number.
    func number(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> JSONNumber? {
        guard let value = scope.members[keyword] else { return nil }
        guard case .number(let number) = value else {
            throw SchemaError(schemaPath: scope.path(keyword), message: "must be a number")
        }
        return number
    }

    /// A keyword whose value must be a non-negative integer; huge values saturate at `Int.max`.
    func count(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> Int? {
        guard let value = scope.members[keyword] else { return nil }
        guard case .number(let number) = value, number.isInteger, number >= JSONNumber(0) else {
            throw SchemaError(schemaPath: scope.path(keyword), message: "must be a non-negative integer")
        }
        return number.intValue ?? Int.max
    }

    /// A keyword whose value must be a string.
    func string(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> String? {
        guard let value = scope.members[keyword] else { return nil }
        guard case .string(let text) = value else {
            throw SchemaError(schemaPath: scope.path(keyword), message: "must be a string")
        }
        return text
    }

    /// A keyword whose value must be an array of unique strings.
    func stringList(_ value: JSONValue, path: String) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else {
            throw SchemaError(schemaPath: path, message: "must be an array of unique strings")
        }
        var names: [String] = []
        for element in elements {
            guard case .string(let name) = element, !names.contains(where: { $0.isIdentical(to: name) }) else {
                throw SchemaError(schemaPath: path, message: "must be an array of unique strings")
            }
            names.append(name)
        }
        return names
    }

    /// A keyword whose value must be a non-empty array of schemas.
    mutating func schemaList(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> [Int]? {
        guard let value = scope.members[keyword] else { return nil }
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw SchemaError(schemaPath: scope.path(keyword), message: "must be a non-empty array of schemas")
        }
        var nodes: [Int] = []
        for (index, element) in elements.enumerated() {
            nodes.append(try subschema(element, scope: scope, path: scope.path(keyword) + "/\(index)"))
        }
        return nodes
    }

    /// A keyword whose value must be a schema.
    mutating func schemaValue(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> Int? {
        guard let value = scope.members[keyword] else { return nil }
        return try subschema(value, scope: scope, path: scope.path(keyword))
    }
}
