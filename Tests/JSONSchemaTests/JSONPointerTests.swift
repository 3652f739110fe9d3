import JSONSchema
import Testing

@Suite("JSON Pointer (RFC 6901)")
struct JSONPointerTests {
    static let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7,
        "m~n": 8,
    ]

    /// RFC 6901 §5, string representation.
    @Test("the RFC 6901 §5 examples resolve", arguments: [
        ("", document), ("/foo", ["bar", "baz"]), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2),
        ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ] as [(String, JSONValue)])
    func examples(pointer: String, expected: JSONValue) {
        #expect(JSONPointerTests.document.at(pointer: pointer) == expected)
    }

    /// RFC 6901 §6, URI fragment representation.
    @Test("the RFC 6901 §6 fragment examples resolve", arguments: [
        ("#", nil), ("#/foo", ["bar", "baz"]), ("#/foo/0", "bar"), ("#/", 0), ("#/a~1b", 1), ("#/c%25d", 2),
        ("#/e%5Ef", 3), ("#/g%7Ch", 4), ("#/i%5Cj", 5), ("#/k%22l", 6), ("#/%20", 7), ("#/m~0n", 8),
    ] as [(String, JSONValue?)])
    func fragments(fragment: String, expected: JSONValue?) throws {
        let pointer = try #require(JSONPointer(uriFragment: fragment))
        #expect(JSONPointerTests.document.at(pointer) == (expected ?? JSONPointerTests.document))
    }

    @Test("escaping is ~0 for ~ and ~1 for /, applied in the right order")
    func escaping() {
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.unescape("~01") == "~1")
        #expect(JSONPointer.unescape("~10") == "/0")
        #expect(JSONPointer(tokens: ["a/b", "~", "0"]).description == "/a~1b/~0/0")
        #expect(JSONPointer(tokens: ["c%d", " "]).uriFragment == "#/c%25d/%20")
        #expect(JSONPointer("/a~1b/~0")?.tokens == ["a/b", "~"])
        #expect(JSONPointer.root.appending("x").appending(index: 3).description == "/x/3")
        #expect(JSONPointer("/x/3")?.parent == JSONPointer("/x"))
    }

    @Test("malformed pointers and missing targets give nil", arguments: [
        "a", "/~2", "/~", "/foo/01", "/foo/-", "/foo/2", "/missing", "/foo/0/deeper", "#/foo",
    ])
    func misses(pointer: String) {
        #expect(JSONPointerTests.document.at(pointer: pointer) == nil)
    }
}
