import JSONSchema

/// The shared schemas of `Contracts/schemas/`, and body schemas compiled so that a `$ref` such as
/// `schemas/error-plain.json` resolves against the contracts folder.
struct BodySchemas: Sendable {
    /// Shared schema documents by absolute URI.
    let remotes: [String: JSONValue]

    /// The URI a shared schema file is known by.
    static func uri(forSharedFile name: String) -> String { BundledSchemas.contractsBase + "schemas/" + name }

    /// Compiles a body schema with `format` asserted; throws when it is not valid draft-07 or a `$ref` is unknown.
    func compile(_ schema: JSONValue) throws(SchemaError) -> JSONSchemaValidator {
        let base = JSONValue.string(BundledSchemas.contractsBase + "contract.json")
        var rooted = schema
        if case .object(var members) = schema, members["$id"] == nil {
            if members["$ref"] == nil {
                members["$id"] = base
                rooted = .object(members)
            } else {
                rooted = ["$id": base, "allOf": [schema]]
            }
        }
        return try JSONSchemaValidator(schema: rooted, options: .init(formatAssertion: true, remotes: remotes))
    }

    /// A compile error's text with the wrapper `compile` adds around a root `$ref` taken out of its locations.
    static func unwrapped(_ message: String) -> String { message.replacingAll("#/allOf/0", with: "#") }
}
