/// A compiled schema: one node per schema location, referring to other nodes by index, so recursive schemas
/// form a graph without reference cycles in memory.
struct SchemaNode: Sendable {
    /// The schema's location, e.g. `#/properties/a`.
    let path: String
    var body: Body

    enum Body: Sendable {
        /// The `true` schema, or an object without assertions.
        case accept
        /// The `false` schema (draft-07 core §4.3.2).
        case reject
        /// A `$ref`; sibling keywords are ignored (draft-07 core §8.3).
        case reference(Int)
        /// The assertions and applicators of an object schema, in evaluation order.
        case keywords([CompiledKeyword])
    }
}

/// One keyword of a schema, ready to evaluate; a class so that evaluation passes it around by reference.
final class CompiledKeyword: Sendable {
    /// The keyword's name as reported in errors, e.g. `minLength`.
    let name: String
    /// The keyword's location, e.g. `#/properties/a/minLength`.
    let path: String
    let rule: KeywordRule

    init(name: String, path: String, rule: KeywordRule) {
        self.name = name
        self.path = path
        self.rule = rule
    }
}

/// What a keyword checks (draft-07 validation §6).
enum KeywordRule: Sendable {
    case type(JSONTypeSet, names: [String])
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case format(String)
    case content(encoding: String?, mediaType: String?)
    case items(Int)
    case tupleItems([Int], additional: AdditionalRule?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case contains(Int)
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case properties(PropertyRules)
    case dependencies([(property: String, dependency: Dependency)])
    case propertyNames(Int)
    case conditional(condition: Int, then: Int?, else: Int?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
}

/// `additionalItems` or `additionalProperties`: the node, and where the keyword is.
struct AdditionalRule: Sendable {
    let node: Int
    let path: String
}

/// `properties`, `patternProperties` and `additionalProperties` together (draft-07 validation §6.5.4–6.5.6).
struct PropertyRules: Sendable {
    var named = PropertyTable()
    var patterns: [(regex: ECMARegex, node: Int)] = []
    var additional: AdditionalRule?
}

/// Property names to nodes: a linear scan for a few names, a hash table for more; names match code point by
/// code point.
struct PropertyTable: Sendable {
    private var names: [String] = []
    private var nodes: [Int] = []
    private var table: [ExactString: Int] = [:]

    var isEmpty: Bool { names.isEmpty }

    subscript(name: String) -> Int? {
        get {
            if names.count > 8 { return table[ExactString(name)] }
            return names.firstIndex { $0.isIdentical(to: name) }.map { nodes[$0] }
        }
        set {
            guard let newValue else { return }
            names.append(name)
            nodes.append(newValue)
            table[ExactString(name)] = newValue
        }
    }
}

/// One entry of `dependencies` (draft-07 validation §6.5.7).
enum Dependency: Sendable {
    case properties([String])
    case schema(Int)
}

/// A set of JSON Schema type names (draft-07 validation §6.1.1).
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let string = JSONTypeSet(rawValue: 1 << 5)
    static let integer = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(name: String, type: JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    /// The type for a name, or `nil` for an unknown name.
    init?(name: String) {
        guard let entry = JSONTypeSet.names.first(where: { $0.name == name }) else { return nil }
        self = entry.type
    }

    /// Whether a value has one of the types; an integer-valued number is both `integer` and `number`.
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let number): return contains(.number) || (contains(.integer) && number.isInteger)
        }
    }
}
