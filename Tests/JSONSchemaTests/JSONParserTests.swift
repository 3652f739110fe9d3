import Foundation
import JSONSchema
import Testing

@Suite("JSON parser (RFC 8259)")
struct JSONParserTests {
    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try JSONValue(parsing: #" {"a": [1, -2.5e3, true, false, null, "x\ny"], "b": {}} "#)
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1]?.doubleValue == -2500)
        #expect(value["a"]?[2] == true)
        #expect(value["a"]?[4]?.isNull == true)
        #expect(value["a"]?[5] == "x\ny")
        #expect(value["b"] == .object(JSONObject()))
    }

    @Test("Data, [UInt8] and String inputs agree")
    func inputsAgree() throws {
        let text = #"{"k":[1,2,{"z":"é"}]}"#
        let fromString = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: Data(text.utf8)) == fromString)
        #expect(try JSONValue(parsing: Array(text.utf8)) == fromString)
    }

    /// Malformed inputs: the error kind, byte offset, line and column must point at the culprit.
    @Test("rejects malformed input with its position", arguments: [
        ("{\"a\": 1,}", JSONParseError.Kind.unexpectedCharacter, 8, 1, 9),
        ("{\n  \"a\": tru\n}", .unexpectedCharacter, 9, 2, 8),
        ("\"abc", .unexpectedEndOfInput, 4, 1, 5),
        ("\"a\\x\"", .invalidEscape, 2, 1, 3),
        ("\"a\nb\"", .controlCharacterInString, 2, 1, 3),
        ("\"tab\there\"", .controlCharacterInString, 4, 1, 5),
        ("[01]", .invalidNumber, 1, 1, 2),
        ("-", .invalidNumber, 1, 1, 2),
        ("1.", .invalidNumber, 2, 1, 3),
        ("1e+", .invalidNumber, 3, 1, 4),
        (".5", .unexpectedCharacter, 0, 1, 1),
        ("+1", .unexpectedCharacter, 0, 1, 1),
        ("NaN", .unexpectedCharacter, 0, 1, 1),
        ("[Infinity]", .unexpectedCharacter, 1, 1, 2),
        ("{} x", .trailingCharacters, 3, 1, 4),
        ("[1] [2]", .trailingCharacters, 4, 1, 5),
        ("", .unexpectedEndOfInput, 0, 1, 1),
        ("   ", .unexpectedEndOfInput, 3, 1, 4),
        ("[1, 2", .unexpectedEndOfInput, 5, 1, 6),
        ("[1 2]", .unexpectedCharacter, 3, 1, 4),
        ("{\"a\" 1}", .unexpectedCharacter, 5, 1, 6),
        ("{1: 2}", .unexpectedCharacter, 1, 1, 2),
        ("\"\\u12G4\"", .invalidEscape, 1, 1, 2),
        ("'single'", .unexpectedCharacter, 0, 1, 1),
        ("[\"é\", tru]", .unexpectedCharacter, 7, 1, 7),
    ])
    func rejectsMalformedInput(text: String, kind: JSONParseError.Kind, offset: Int, line: Int, column: Int) {
        #expect {
            _ = try JSONValue(parsing: text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.kind == kind && error.offset == offset && error.line == line && error.column == column
        }
    }

    @Test("the error description names the problem and its place")
    func errorDescription() {
        do {
            _ = try JSONValue(parsing: "[1,\n 2,\n ]")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 2)
            #expect(error.description.contains("line 3, column 2"))
            #expect(error.description.contains("']'"))
        }
    }

    @Test("rejects bytes that are not UTF-8, pointing at the bad byte")
    func rejectsInvalidUTF8() {
        let cases: [[UInt8]] = [
            [0x22, 0x61, 0xFF, 0x22], [0x22, 0x61, 0xC3, 0x22], [0x22, 0x61, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0x61, 0xC0, 0xAF, 0x22],
        ]
        for bytes in cases {
            #expect {
                _ = try JSONValue(parsing: bytes)
            } throws: { error in
                (error as? JSONParseError)?.kind == .invalidUTF8 && (error as? JSONParseError)?.offset == 2
            }
        }
    }

    @Test("decodes escapes, joins surrogate pairs, and replaces lone surrogates with U+FFFD")
    func escapes() throws {
        #expect(try JSONValue(parsing: #""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try JSONValue(parsing: #""\u00e9\u4E2D""#) == "é中")
        #expect(try JSONValue(parsing: #""\uD83D\uDE00""#) == "😀")
        #expect(try JSONValue(parsing: #""a\uD800b""#) == "a\u{FFFD}b")
        #expect(try JSONValue(parsing: #""\uDC00""#) == "\u{FFFD}")
        #expect(try JSONValue(parsing: #""\uD800\u0041""#) == "\u{FFFD}A")
        #expect(try JSONValue(parsing: #""\u0000""#) == "\u{0}")
    }

    @Test("nesting up to the depth limit parses; one more level is an error, not a crash")
    func depthLimit() throws {
        let limit = JSONValue.defaultMaxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let parsed = try JSONValue(parsing: deepest)
        #expect(parsed.serialized() == deepest)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: tooDeep) }
        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        #expect {
            _ = try JSONValue(parsing: hostile)
        } throws: { error in
            (error as? JSONParseError)?.kind == .depthLimitExceeded && (error as? JSONParseError)?.offset == 1_536
        }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[[[1]]]", maxDepth: 2) }
    }

    @Test("accepts a leading byte order mark and surrounding whitespace")
    func byteOrderMark() throws {
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array(" \t\r\n[1] \n".utf8)) == [1])
    }

    @Test("a repeated key keeps its first position and its last value")
    func duplicateKeys() throws {
        let value = try JSONValue(parsing: #"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test("keys that are canonically equivalent but different code points stay separate")
    func exactKeys() throws {
        let value = try JSONValue(parsing: "{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
    }

    @Test("every truncation of a document is an error; random byte mutations never crash and round-trip if valid")
    func truncationsAndMutations() throws {
        let text = Array(#"{"a": [1, -2.5e3, "x\u00e9\n", {"b": null}], "c": true, "d": "😀", "e": 1e400}"#.utf8)
        for length in 0..<text.count {
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: Array(text[..<length])) }
        }
        var random = SplitMix64(seed: 0x5EED)
        var parsedCount = 0
        for _ in 0..<3_000 {
            var bytes = text
            for _ in 0...(random.next() % 3) {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            guard let value = try? JSONValue(parsing: bytes) else { continue }
            parsedCount += 1
            #expect(try JSONValue(parsing: value.serializedBytes()) == value)
        }
        #expect(parsedCount > 0)
    }

    @Test("a large document parses quickly enough and completely")
    func largeDocument() throws {
        let element = #"{"id": 123456, "name": "item \"quoted\" é", "tags": ["a", "b"], "price": 12.5}"#
        let text = "[" + Array(repeating: element, count: 20_000).joined(separator: ",") + "]"
        let value = try JSONValue(parsing: text)
        #expect(value.arrayValue?.count == 20_000)
        #expect(value[19_999]?["name"] == "item \"quoted\" é")
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
