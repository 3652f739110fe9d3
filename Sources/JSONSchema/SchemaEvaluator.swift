/// Evaluates an instance against compiled schema nodes.
///
/// With `collect` on, failures append `ValidationError`s and evaluation continues; with it off (inside
/// `anyOf`, `oneOf`, `not`, `if`, `contains`, `propertyNames`, and for `isValid`) it stops at the first failure.
struct SchemaEvaluator {
    /// One step of the instance path.
    enum PathToken {
        case key(String)
        case index(Int)
    }

    let nodes: [SchemaNode]
    let options: JSONSchemaValidator.Options
    private(set) var errors: [ValidationError] = []
    private var path: [PathToken] = []
    /// `$ref` targets being evaluated, with the instance depth they apply at, to stop reference loops that
    /// never move into the instance.
    private var activeReferences: [(node: Int, depth: Int)] = []

    init(nodes: [SchemaNode], options: JSONSchemaValidator.Options) {
        self.nodes = nodes
        self.options = options
    }

    /// Evaluates node `index` against `instance`.
    mutating func evaluate(_ index: Int, _ instance: JSONValue, collect: Bool) -> Bool {
        switch nodes[index].body {
        case .accept:
            return true
        case .reject:
            if collect {
                record(keyword: "false schema", schemaPath: nodes[index].path, message: "boolean schema is false")
            }
            return false
        case .reference(let target):
            return evaluateReference(target, from: index, instance, collect: collect)
        case .keywords(let keywords):
            var valid = true
            for keyword in keywords where !check(keyword, instance, collect: collect) {
                valid = false
                if !collect { return false }
            }
            return valid
        }
    }

    private mutating func evaluateReference(_ target: Int, from index: Int, _ instance: JSONValue,
                                            collect: Bool) -> Bool {
        let depth = path.count
        for entry in activeReferences.reversed() {
            if entry.depth < depth { break }
            if entry.node == target {
                if collect {
                    record(keyword: "$ref", schemaPath: nodes[index].path + "/$ref",
                           message: "schema recursion loops without consuming the instance")
                }
                return false
            }
        }
        activeReferences.append((target, depth))
        defer { activeReferences.removeLast() }
        return evaluate(target, instance, collect: collect)
    }

    /// Evaluates a node against a member or element, one level deeper in the instance path.
    mutating func descend(_ token: PathToken, _ node: Int, _ value: JSONValue, collect: Bool) -> Bool {
        path.append(token)
        defer { path.removeLast() }
        return evaluate(node, value, collect: collect)
    }

    /// Reports a failed keyword (when collecting) and returns `false`.
    mutating func fail(_ keyword: CompiledKeyword, _ message: @autoclosure () -> String, collect: Bool) -> Bool {
        if collect { record(keyword: keyword.name, schemaPath: keyword.path, message: message()) }
        return false
    }

    /// Reports a failure of a keyword other than the compiled one (e.g. `additionalProperties`).
    mutating func fail(keyword: String, schemaPath: String, _ message: @autoclosure () -> String,
                       collect: Bool) -> Bool {
        if collect { record(keyword: keyword, schemaPath: schemaPath, message: message()) }
        return false
    }

    private mutating func record(keyword: String, schemaPath: String, message: String) {
        errors.append(ValidationError(instancePath: instancePath, keyword: keyword, schemaPath: schemaPath,
                                      message: message))
    }

    /// The current instance location as a JSON Pointer (RFC 6901).
    private var instancePath: String {
        var result = ""
        for token in path {
            switch token {
            case .key(let key): result += "/" + JSONPointer.escape(key)
            case .index(let index): result += "/" + String(index)
            }
        }
        return result
    }

    /// Checks one keyword.
    mutating func check(_ keyword: CompiledKeyword, _ instance: JSONValue, collect: Bool) -> Bool {
        switch keyword.rule {
        case .type(let types, let names):
            return types.admits(instance)
                || fail(keyword, "must be \(names.joined(separator: " or "))", collect: collect)
        case .enumeration(let allowed):
            return allowed.contains(instance)
                || fail(keyword, "must be equal to one of the allowed values", collect: collect)
        case .constant(let expected):
            return instance == expected || fail(keyword, "must be equal to constant", collect: collect)
        case .allOf, .anyOf, .oneOf, .not, .conditional:
            return checkApplicator(keyword, instance, collect: collect)
        default:
            switch instance {
            case .number(let number): return checkNumber(keyword, number, collect: collect)
            case .string(let text): return checkString(keyword, text, collect: collect)
            case .array(let elements): return checkArray(keyword, elements, collect: collect)
            case .object(let members): return checkObject(keyword, members, collect: collect)
            case .null, .bool: return true
            }
        }
    }

    /// `allOf`, `anyOf`, `oneOf`, `not` (draft-07 validation §6.7) and `if`/`then`/`else` (§6.6).
    private mutating func checkApplicator(_ keyword: CompiledKeyword, _ instance: JSONValue, collect: Bool) -> Bool {
        switch keyword.rule {
        case .allOf(let branches):
            var valid = true
            for branch in branches where !evaluate(branch, instance, collect: collect) {
                valid = false
                if !collect { return false }
            }
            return valid
        case .anyOf(let branches):
            for branch in branches where evaluate(branch, instance, collect: false) { return true }
            return fail(keyword, "must match a schema in anyOf", collect: collect)
        case .oneOf(let branches):
            var matches: [Int] = []
            for (position, branch) in branches.enumerated() where evaluate(branch, instance, collect: false) {
                matches.append(position)
                if matches.count > 1 && !collect { break }
            }
            if matches.count == 1 { return true }
            let detail = matches.isEmpty ? "" : " (matches \(matches.map(String.init).joined(separator: ", ")))"
            return fail(keyword, "must match exactly one schema in oneOf" + detail, collect: collect)
        case .not(let node):
            return !evaluate(node, instance, collect: false) || fail(keyword, "must NOT be valid", collect: collect)
        case .conditional(let condition, let thenNode, let elseNode):
            let branch = evaluate(condition, instance, collect: false) ? thenNode : elseNode
            guard let branch else { return true }
            return evaluate(branch, instance, collect: collect)
        default:
            return true
        }
    }
}
