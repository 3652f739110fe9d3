/// A schema in its document: the schema, the base URI of its parent, and its canonical location.
struct SchemaLocation: Sendable {
    /// The schema (an object or a boolean, if the document is valid).
    let schema: JSONValue
    /// The base URI in effect around the schema, before its own `$id` applies (draft-07 core §8.2).
    let base: String
    /// The canonical location, `<document>#<JSON Pointer>`; `#…` for the root document.
    let key: String
}

/// Finds schemas by URI: `$id`s of the root and of loaded remote documents, plain-name fragments
/// (`"$id": "#foo"`), and JSON Pointer fragments (draft-07 core §8).
struct SchemaRegistry: Sendable {
    /// The draft-07 meta-schema's URI without its empty fragment.
    static let draft07URI = "http://json-schema.org/draft-07/schema"

    private var resources: [String: SchemaLocation] = [:]
    private var anchors: [String: SchemaLocation] = [:]
    private var loaded: Set<String> = []
    private let remotes: [String: JSONValue]

    /// Creates a registry that can load the given documents, keyed by absolute URI.
    init(remotes: [String: JSONValue]) {
        var normalized: [String: JSONValue] = [:]
        for (uri, document) in remotes {
            normalized[URIReference.splitFragment(uri).base] = document
        }
        self.remotes = normalized
    }

    /// Registers the root schema (its base URI is empty unless it has an `$id`) and returns its location.
    mutating func addRoot(_ schema: JSONValue) -> SchemaLocation {
        addDocument(schema, uri: "", key: "#")
    }

    @discardableResult
    private mutating func addDocument(_ schema: JSONValue, uri: String, key: String) -> SchemaLocation {
        let location = SchemaLocation(schema: schema, base: uri, key: key)
        loaded.insert(uri)
        if resources[uri] == nil { resources[uri] = location }
        index(location)
        return location
    }

    /// Records every `$id` under `location`, following only keywords whose values are schemas, so an `$id`
    /// inside `enum`, `const` or an unknown keyword is not an identifier.
    private mutating func index(_ location: SchemaLocation) {
        guard case .object(let members) = location.schema else { return }
        let base = SchemaRegistry.applyingID(of: location.schema, to: location.base)
        if members["$ref"] == nil, case .string(let id)? = members["$id"] {
            let (document, fragment) = URIReference.splitFragment(URIReference.resolve(id, against: location.base))
            if let fragment, !fragment.isEmpty {
                let name = URIReference.percentDecode(fragment) ?? fragment
                if anchors[document + "#" + name] == nil { anchors[document + "#" + name] = location }
            }
            if (fragment ?? "").isEmpty || document != location.base, resources[document] == nil {
                resources[document] = location
            }
        }
        for (suffix, child) in SchemaRegistry.subschemas(of: members) {
            index(SchemaLocation(schema: child, base: base, key: location.key + suffix))
        }
    }

    /// The base URI inside `schema`: its `$id` resolved against `base`, unless a sibling `$ref` makes the
    /// `$id` ignored (draft-07 core §8.3); never has a fragment.
    static func applyingID(of schema: JSONValue, to base: String) -> String {
        guard case .object(let members) = schema, members["$ref"] == nil, case .string(let id)? = members["$id"]
        else { return base }
        return URIReference.splitFragment(URIReference.resolve(id, against: base)).base
    }

    /// The subschemas of a schema object with their pointer suffixes (draft-07 validation §6 and §7).
    static func subschemas(of members: JSONObject) -> [(suffix: String, schema: JSONValue)] {
        var result: [(String, JSONValue)] = []
        for (keyword, value) in members {
            let prefix = "/" + JSONPointer.escape(keyword)
            switch keyword {
            case "items", "allOf", "anyOf", "oneOf":
                if case .array(let elements) = value {
                    for (index, element) in elements.enumerated() { result.append((prefix + "/\(index)", element)) }
                } else if keyword == "items" {
                    result.append((prefix, value))
                }
            case "additionalItems", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else":
                result.append((prefix, value))
            case "definitions", "properties", "patternProperties", "dependencies":
                guard case .object(let map) = value else { continue }
                for (name, child) in map where child.objectValue != nil || child.boolValue != nil {
                    result.append((prefix + "/" + JSONPointer.escape(name), child))
                }
            default:
                continue
            }
        }
        return result
    }

    /// Finds the schema a `$ref` points to, loading remote documents on first use (draft-07 core §8.3).
    mutating func resolve(_ reference: String, base: String) -> SchemaLocation? {
        let (document, rawFragment) = URIReference.splitFragment(URIReference.resolve(reference, against: base))
        let fragment = rawFragment.map { URIReference.percentDecode($0) ?? $0 } ?? ""
        if !fragment.isEmpty && !fragment.hasPrefix("/") {
            if anchors[document + "#" + fragment] == nil { loadRemote(document) }
            return anchors[document + "#" + fragment]
        }
        if resources[document] == nil { loadRemote(document) }
        guard let resource = resources[document], let pointer = JSONPointer(fragment) else { return nil }
        var schema = resource.schema
        var schemaBase = resource.base
        var key = resource.key
        for token in pointer.tokens {
            schemaBase = SchemaRegistry.applyingID(of: schema, to: schemaBase)
            guard let child = schema.child(token) else { return nil }
            schema = child
            key += "/" + JSONPointer.escape(token)
        }
        return SchemaLocation(schema: schema, base: schemaBase, key: key)
    }

    /// Loads a document from the remotes map, or the built-in draft-07 meta-schema.
    private mutating func loadRemote(_ uri: String) {
        guard !loaded.contains(uri) else { return }
        loaded.insert(uri)
        if let document = remotes[uri] {
            addDocument(document, uri: uri, key: uri + "#")
        } else if uri == SchemaRegistry.draft07URI, let metaschema = DraftMetaschema.draft07 {
            addDocument(metaschema, uri: uri, key: uri + "#")
        }
    }
}
