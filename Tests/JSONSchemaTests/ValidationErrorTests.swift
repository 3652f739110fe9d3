import JSONSchema
import Testing

@Suite("Validation error reporting")
struct ValidationErrorTests {
    private func validator(_ schema: String, _ options: JSONSchemaValidator.Options = .init()) throws
        -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: JSONValue(parsing: schema), options: options)
    }

    @Test("nested failures carry instancePath, keyword, schemaPath and message")
    func nestedFailures() throws {
        let schema = try validator("""
        {"type": "object", "required": ["name"],
         "properties": {"a": {"type": "array", "items": {"type": "string"}},
                        "a/b": {"minimum": 10}}}
        """)
        let errors = schema.validate(try JSONValue(parsing: #"{"a": ["x", 1, "y", null], "a/b": 3}"#))
        #expect(errors.map(\.instancePath) == ["", "/a/1", "/a/3", "/a~1b"])
        #expect(errors.map(\.keyword) == ["required", "type", "type", "minimum"])
        #expect(errors[0].message == "must have required property 'name'")
        #expect(errors[1].schemaPath == "#/properties/a/items/type")
        #expect(errors[1].description == "/a/1: must be string (type)")
        #expect(errors[3].description == "/a~1b: must be >= 10 (minimum)")
        #expect(errors[0].description == "(root): must have required property 'name' (required)")
    }

    @Test("errors behind a $ref report the referenced keyword and its location")
    func referencedKeyword() throws {
        let schema = try validator("""
        {"definitions": {"positive": {"type": "integer", "exclusiveMinimum": 0}},
         "properties": {"count": {"$ref": "#/definitions/positive"}}}
        """)
        let errors = schema.validate(["count": -1])
        #expect(errors.count == 1)
        #expect(errors.first?.keyword == "exclusiveMinimum")
        #expect(errors.first?.instancePath == "/count")
        #expect(errors.first?.schemaPath == "#/definitions/positive/exclusiveMinimum")
        #expect(errors.first?.message == "must be > 0")
    }

    @Test("each keyword has a readable message", arguments: [
        (#"{"type": ["string", "null"]}"#, "1", "type", "must be string or null"),
        (#"{"enum": [1, 2]}"#, "3", "enum", "must be equal to one of the allowed values"),
        (#"{"const": "x"}"#, #""y""#, "const", "must be equal to constant"),
        (#"{"multipleOf": 0.01}"#, "1.005", "multipleOf", "must be multiple of 0.01"),
        (#"{"maxLength": 2}"#, #""abc""#, "maxLength", "must NOT have more than 2 characters"),
        (#"{"minLength": 2}"#, #""💩""#, "minLength", "must NOT have fewer than 2 characters"),
        (#"{"pattern": "^a"}"#, #""b""#, "pattern", "must match pattern \"^a\""),
        (#"{"maxItems": 1}"#, "[1, 2]", "maxItems", "must NOT have more than 1 items"),
        (#"{"uniqueItems": true}"#, #"[1, {"a": 1}, 1.0]"#, "uniqueItems",
         "must NOT have duplicate items (items ## 2 and 0 are identical)"),
        (#"{"contains": {"const": 1}}"#, "[2]", "contains", "must contain at least one valid item"),
        (#"{"items": [true], "additionalItems": false}"#, "[1, 2]", "additionalItems",
         "must NOT have more than 1 items"),
        (#"{"maxProperties": 0}"#, #"{"a": 1}"#, "maxProperties", "must NOT have more than 0 properties"),
        (#"{"additionalProperties": false}"#, #"{"x": 1}"#, "additionalProperties",
         "must NOT have additional property 'x'"),
        (#"{"dependencies": {"a": ["b"]}}"#, #"{"a": 1}"#, "dependencies",
         "must have property 'b' when property 'a' is present"),
        (#"{"propertyNames": {"maxLength": 1}}"#, #"{"ab": 1}"#, "propertyNames", "property name 'ab' is invalid"),
        (#"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, "1", "anyOf", "must match a schema in anyOf"),
        (#"{"oneOf": [{"minimum": 0}, {"maximum": 10}]}"#, "5", "oneOf",
         "must match exactly one schema in oneOf (matches 0, 1)"),
        (#"{"not": {"type": "integer"}}"#, "1", "not", "must NOT be valid"),
        (#"{"if": {"minimum": 0}, "then": {"maximum": 5}}"#, "7", "maximum", "must be <= 5"),
        ("false", "1", "false schema", "boolean schema is false"),
    ])
    func messages(schema: String, instance: String, keyword: String, message: String) throws {
        let errors = try validator(schema).validate(JSONValue(parsing: instance))
        #expect(errors.map(\.keyword) == [keyword])
        #expect(errors.map(\.message) == [message])
    }

    @Test("isValid agrees with validate and stops early")
    func isValidAgrees() throws {
        let schema = try validator(#"{"items": {"type": "integer"}, "maxItems": 3}"#)
        #expect(schema.isValid([1, 2, 3]))
        #expect(!schema.isValid([1, "x", 3, 4]))
        #expect(schema.validate([1, "x", 3, 4]).count == 2)
    }

    @Test("format is an annotation unless formatAssertion is on")
    func formatAssertion() throws {
        let schema = #"{"format": "email"}"#
        #expect(try validator(schema).isValid("not an email"))
        let asserting = try validator(schema, .init(formatAssertion: true))
        #expect(!asserting.isValid("not an email"))
        #expect(asserting.validate("not an email").first?.message == "must match format \"email\"")
        #expect(asserting.isValid("someone@example.com"))
        #expect(asserting.isValid(42))
    }

    @Test("remote references resolve from the remotes map, relative to the referring $id")
    func remotes() throws {
        let remote: JSONValue = ["definitions": ["id": ["type": "string", "pattern": "^[a-z]+$"]]]
        let options = JSONSchemaValidator.Options(remotes: ["https://example.com/common.json#": remote])
        let schema = try validator("""
        {"$id": "https://example.com/api/thing.json",
         "properties": {"id": {"$ref": "../common.json#/definitions/id"}}}
        """, options)
        let errors = schema.validate(["id": "ABC"])
        #expect(errors.map(\.schemaPath) == ["https://example.com/common.json#/definitions/id/pattern"])
        #expect(schema.isValid(["id": "abc"]))
    }
}
