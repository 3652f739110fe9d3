extension SchemaEvaluator {
    /// `maxProperties`, `minProperties`, `required`, `properties`, `patternProperties`, `additionalProperties`,
    /// `dependencies`, `propertyNames` (draft-07 validation §6.5).
    mutating func checkObject(_ keyword: CompiledKeyword, _ members: JSONObject, collect: Bool) -> Bool {
        switch keyword.rule {
        case .maxProperties(let limit):
            return members.count <= limit
                || fail(keyword, "must NOT have more than \(limit) properties", collect: collect)
        case .minProperties(let limit):
            return members.count >= limit
                || fail(keyword, "must NOT have fewer than \(limit) properties", collect: collect)
        case .required(let names):
            var valid = true
            for name in names where members[name] == nil {
                valid = fail(keyword, "must have required property '\(name)'", collect: collect)
                if !collect { return false }
            }
            return valid
        case .properties(let rules):
            return checkProperties(rules, members, collect: collect)
        case .dependencies(let entries):
            return checkDependencies(keyword, entries, members, collect: collect)
        case .propertyNames(let node):
            var valid = true
            for key in members.keys where !evaluate(node, .string(key), collect: false) {
                valid = fail(keyword, "property name '\(key)' is invalid", collect: collect)
                if !collect { return false }
            }
            return valid
        default:
            return true
        }
    }

    private mutating func checkProperties(_ rules: PropertyRules, _ members: JSONObject, collect: Bool) -> Bool {
        var valid = true
        for (key, value) in members {
            var matched = false
            if let node = rules.named[key] {
                matched = true
                if !descend(.key(key), node, value, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }
            for (regex, node) in rules.patterns where regex.matches(key) {
                matched = true
                if !descend(.key(key), node, value, collect: collect) {
                    valid = false
                    if !collect { return false }
                }
            }
            guard !matched, let additional = rules.additional else { continue }
            if case .reject = nodes[additional.node].body {
                valid = fail(keyword: "additionalProperties", schemaPath: additional.path,
                             "must NOT have additional property '\(key)'", collect: collect)
            } else if !descend(.key(key), additional.node, value, collect: collect) {
                valid = false
            }
            if !valid && !collect { return false }
        }
        return valid
    }

    private mutating func checkDependencies(_ keyword: CompiledKeyword,
                                            _ entries: [(property: String, dependency: Dependency)],
                                            _ members: JSONObject, collect: Bool) -> Bool {
        var valid = true
        for (property, dependency) in entries where members[property] != nil {
            switch dependency {
            case .properties(let names):
                for name in names where members[name] == nil {
                    valid = fail(keyword, "must have property '\(name)' when property '\(property)' is present",
                                 collect: collect)
                }
            case .schema(let node):
                if !evaluate(node, .object(members), collect: collect) { valid = false }
            }
            if !valid && !collect { return false }
        }
        return valid
    }
}
