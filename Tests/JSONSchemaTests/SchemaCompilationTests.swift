import JSONSchema
import Testing

@Suite("Schema compilation")
struct SchemaCompilationTests {
    @Test("invalid schemas fail at build time with the offending location", arguments: [
        (#"{"type": "strnig"}"#, "#/type"),
        (#"{"type": []}"#, "#/type"),
        (#"{"minLength": -1}"#, "#/minLength"),
        (#"{"maxItems": 1.5}"#, "#/maxItems"),
        (#"{"multipleOf": 0}"#, "#/multipleOf"),
        (#"{"required": ["a", "a"]}"#, "#/required"),
        (#"{"pattern": "("}"#, "#/pattern"),
        (#"{"patternProperties": {"[": {}}}"#, "#/patternProperties/["),
        (#"{"properties": {"a": 5}}"#, "#/properties/a"),
        (#"{"items": [{"type": 1}]}"#, "#/items/0/type"),
        (##"{"$ref": "#/definitions/missing"}"##, "#/$ref"),
        (#"{"$ref": "http://unknown.example/schema.json"}"#, "#/$ref"),
        (#"{"allOf": []}"#, "#/allOf"),
        (#"{"definitions": {"a": {"enum": 3}}}"#, "#/definitions/a/enum"),
        (#"{"$id": 5}"#, "#/$id"),
        ("42", "#"),
    ])
    func invalidSchemas(schema: String, path: String) throws {
        let value = try JSONValue(parsing: schema)
        #expect {
            _ = try JSONSchemaValidator(schema: value)
        } throws: { error in
            (error as? SchemaError)?.schemaPath == path
        }
    }

    @Test("recursive schemas validate deeply nested instances without looping")
    func recursion() throws {
        let tree = try JSONSchemaValidator(schema: JSONValue(parsing: """
        {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}},
         "additionalProperties": false}
        """))
        var value: JSONValue = ["children": []]
        for _ in 0..<200 { value = ["children": [value]] }
        #expect(tree.isValid(value))
        let nested = try JSONValue(parsing: String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
        #expect(try JSONSchemaValidator(schema: ["items": ["$ref": "#"]]).isValid(nested))
    }

    @Test("a $ref loop that never moves into the instance is reported, not followed forever")
    func referenceLoop() throws {
        let loop = try JSONSchemaValidator(schema: JSONValue(parsing: """
        {"definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}]}, "b": {"$ref": "#/definitions/a"}},
         "$ref": "#/definitions/a"}
        """))
        #expect(!loop.isValid(1))
        #expect(loop.validate(1).first?.keyword == "$ref")
        #expect(try JSONSchemaValidator(schema: ["$ref": "#"]).validate(1).count == 1)
    }

    @Test("the draft-07 meta-schema is bundled and validates schemas")
    func metaschema() throws {
        let meta = try JSONSchemaValidator(schema: ["$ref": "http://json-schema.org/draft-07/schema#"])
        #expect(meta.isValid(["type": "string", "minLength": 1]))
        #expect(!meta.isValid(["type": "strnig"]))
        #expect(!meta.isValid(["minLength": -1]))
    }

    @Test("one validator is safe to share across concurrent tasks")
    func concurrentUse() async throws {
        let schema = try JSONSchemaValidator(schema: JSONValue(parsing: """
        {"type": "array", "items": {"type": "object", "required": ["id"],
         "properties": {"id": {"type": "integer"}, "tag": {"pattern": "^t[0-9]+$"}}}}
        """))
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let items: [JSONValue] = (0..<50).map { ["id": .number($0), "tag": .string("t\($0)")] }
                    return schema.isValid(.array(items)) == true && schema.isValid([["id": .number(index), "tag": "x"]])
                        == false
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }
}
