import JSONSchema
import Testing

@Suite("Formats (draft-07 validation §7.3)")
struct FormatTests {
    private static func check(_ format: String, _ text: String) throws -> Bool {
        try JSONSchemaValidator(schema: ["format": .string(format)], options: .init(formatAssertion: true))
            .isValid(.string(text))
    }

    @Test("values the gateway's contracts rely on", arguments: [
        ("date-time", "2024-02-29T23:59:60Z", true), ("date-time", "2023-02-29T10:00:00Z", false),
        ("date-time", "2024-01-01T10:00:00.5+05:30", true), ("date-time", "2024-01-01 10:00:00Z", false),
        ("date", "2024-12-31", true), ("time", "10:00:00", false), ("email", "a.b+c@example.co.uk", true),
        ("email", "a..b@example.com", false), ("hostname", "api.example.com", true), ("hostname", "-a.com", false),
        ("ipv4", "10.0.0.1", true), ("ipv4", "10.0.0.01", false), ("ipv6", "fe80::1", true),
        ("ipv6", "fe80::1::2", false), ("uri", "https://example.com/a?b=c#d", true), ("uri", "/relative", false),
        ("uri-reference", "/relative?x=1", true), ("uri-template", "/users/{id}{?page,size}", true),
        ("json-pointer", "/a/~1b", true), ("json-pointer", "a/b", false), ("relative-json-pointer", "1/a", true),
        ("regex", "^[a-z]+$", true), ("regex", "([a-z]", false), ("idn-hostname", "bücher.example", true),
        ("idn-email", "josé@bücher.example", true), ("iri", "https://bücher.example/straße", true),
        ("unknown-format", "anything", true),
    ])
    func formats(format: String, text: String, expected: Bool) throws {
        #expect(try FormatTests.check(format, text) == expected)
    }

    @Test("patterns follow ECMA-262, not ICU", arguments: [
        (#"^\d+$"#, "123", true), (#"^\d+$"#, "١٢٣", false), (#"^\w+$"#, "é", false), (#"^abc$"#, "abc\n", false),
        (#"^\cJ$"#, "\n", true), (#"^[\d-]+$"#, "1-2", true), (#"^[^\s]+$"#, "a\u{2003}b", false),
        (#"^a{2,3}$"#, "aaa", true), (#"a{,3}"#, "a{,3}", true), (#"^\p{Lu}"#, "Été", true),
        ("^🐲*$", "🐲🐲", true),
    ])
    func patterns(pattern: String, text: String, expected: Bool) throws {
        let validator = try JSONSchemaValidator(schema: ["pattern": .string(pattern)])
        #expect(validator.isValid(.string(text)) == expected)
    }
}
