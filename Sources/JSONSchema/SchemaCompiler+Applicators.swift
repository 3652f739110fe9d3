extension SchemaCompiler {
    /// Compiles `items`, `additionalItems`, `maxItems`, `minItems`, `uniqueItems`, `contains`
    /// (draft-07 validation §6.4).
    mutating func compileArrayKeywords(_ scope: KeywordScope, into keywords: inout [CompiledKeyword])
        throws(SchemaError) {
        if let items = scope.members["items"] {
            if case .array(let elements) = items {
                var nodes: [Int] = []
                for (index, element) in elements.enumerated() {
                    nodes.append(try subschema(element, scope: scope, path: scope.path("items") + "/\(index)"))
                }
                let additional = try schemaValue(scope, "additionalItems").map {
                    AdditionalRule(node: $0, path: scope.path("additionalItems"))
                }
                keywords.append(CompiledKeyword(name: "items", path: scope.path("items"),
                                                rule: .tupleItems(nodes, additional: additional)))
            } else {
                let node = try subschema(items, scope: scope, path: scope.path("items"))
                keywords.append(CompiledKeyword(name: "items", path: scope.path("items"), rule: .items(node)))
            }
        }
        if let limit = try count(scope, "maxItems") {
            keywords.append(CompiledKeyword(name: "maxItems", path: scope.path("maxItems"), rule: .maxItems(limit)))
        }
        if let limit = try count(scope, "minItems") {
            keywords.append(CompiledKeyword(name: "minItems", path: scope.path("minItems"), rule: .minItems(limit)))
        }
        if let unique = scope.members["uniqueItems"] {
            guard case .bool(let flag) = unique else {
                throw SchemaError(schemaPath: scope.path("uniqueItems"), message: "must be a boolean")
            }
            if flag {
                keywords.append(CompiledKeyword(name: "uniqueItems", path: scope.path("uniqueItems"),
                                                rule: .uniqueItems))
            }
        }
        if let node = try schemaValue(scope, "contains") {
            keywords.append(CompiledKeyword(name: "contains", path: scope.path("contains"), rule: .contains(node)))
        }
    }

    /// Compiles `maxProperties`, `minProperties`, `required`, `properties`, `patternProperties`,
    /// `additionalProperties`, `dependencies`, `propertyNames` (draft-07 validation §6.5).
    mutating func compileObjectKeywords(_ scope: KeywordScope, into keywords: inout [CompiledKeyword])
        throws(SchemaError) {
        func add(_ name: String, _ rule: KeywordRule) {
            keywords.append(CompiledKeyword(name: name, path: scope.path(name), rule: rule))
        }
        if let limit = try count(scope, "maxProperties") { add("maxProperties", .maxProperties(limit)) }
        if let limit = try count(scope, "minProperties") { add("minProperties", .minProperties(limit)) }
        if let value = scope.members["required"] {
            add("required", .required(try stringList(value, path: scope.path("required"))))
        }
        var rules = PropertyRules()
        for (name, schema) in try schemaMap(scope, "properties") {
            rules.named[name] = try subschema(schema, scope: scope,
                                              path: scope.path("properties") + "/" + JSONPointer.escape(name))
        }
        for (pattern, schema) in try schemaMap(scope, "patternProperties") {
            let path = scope.path("patternProperties") + "/" + JSONPointer.escape(pattern)
            rules.patterns.append((try regex(.string(pattern), path: path),
                                   try subschema(schema, scope: scope, path: path)))
        }
        rules.additional = try schemaValue(scope, "additionalProperties").map {
            AdditionalRule(node: $0, path: scope.path("additionalProperties"))
        }
        if !rules.named.isEmpty || !rules.patterns.isEmpty || rules.additional != nil {
            let name = scope.members["properties"] != nil ? "properties"
                : scope.members["patternProperties"] != nil ? "patternProperties" : "additionalProperties"
            add(name, .properties(rules))
        }
        if let value = scope.members["dependencies"] {
            add("dependencies", .dependencies(try dependencies(value, scope: scope)))
        }
        if let node = try schemaValue(scope, "propertyNames") { add("propertyNames", .propertyNames(node)) }
    }

    private func schemaMap(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> JSONObject {
        guard let value = scope.members[keyword] else { return JSONObject() }
        guard case .object(let map) = value else {
            throw SchemaError(schemaPath: scope.path(keyword), message: "must be an object of schemas")
        }
        return map
    }

    private mutating func dependencies(_ value: JSONValue, scope: KeywordScope)
        throws(SchemaError) -> [(property: String, dependency: Dependency)] {
        guard case .object(let map) = value else {
            throw SchemaError(schemaPath: scope.path("dependencies"), message: "must be an object")
        }
        var result: [(property: String, dependency: Dependency)] = []
        for (name, entry) in map {
            let path = scope.path("dependencies") + "/" + JSONPointer.escape(name)
            if case .array = entry {
                result.append((name, .properties(try stringList(entry, path: path))))
            } else {
                result.append((name, .schema(try subschema(entry, scope: scope, path: path))))
            }
        }
        return result
    }

    /// Compiles `allOf`, `anyOf`, `oneOf`, `not` (draft-07 validation §6.7) and `if`/`then`/`else` (§6.6).
    mutating func compileApplicators(_ scope: KeywordScope, into keywords: inout [CompiledKeyword])
        throws(SchemaError) {
        func add(_ name: String, _ rule: KeywordRule) {
            keywords.append(CompiledKeyword(name: name, path: scope.path(name), rule: rule))
        }
        if let nodes = try schemaList(scope, "allOf") { add("allOf", .allOf(nodes)) }
        if let nodes = try schemaList(scope, "anyOf") { add("anyOf", .anyOf(nodes)) }
        if let nodes = try schemaList(scope, "oneOf") { add("oneOf", .oneOf(nodes)) }
        if let node = try schemaValue(scope, "not") { add("not", .not(node)) }
        let thenNode = try schemaValue(scope, "then")
        let elseNode = try schemaValue(scope, "else")
        if let condition = try schemaValue(scope, "if"), thenNode != nil || elseNode != nil {
            add("if", .conditional(condition: condition, then: thenNode, else: elseNode))
        }
    }
}
