import Foundation
import JSONSchema
import Testing

@Suite("JSON serialization")
struct JSONSerializationTests {
    @Test("compact output round-trips byte for byte", arguments: [
        #"{"z":1,"a":[true,false,null],"m":{"y":"x","b":-0.5}}"#,
        #"[9007199254740993,-0,1.0,1e400,-9223372036854775808,9223372036854775808,1.10,2E-3]"#,
        #"{"":"","a/b":"c~d","\u0000":"\u001f","q":"\"\\"}"#,
        #"["é","中文","😀","a/b"]"#,
        "[]",
        "{}",
        "0",
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        #expect(try JSONValue(parsing: value.jsonData) == value)
    }

    @Test("object keys keep insertion order; sortedKeys orders them by code point")
    func keyOrder() throws {
        let value = try JSONValue(parsing: #"{"zeta": 1, "alpha": {"d": 1, "c": 2}, "Mid": 3, "é": 4}"#)
        #expect(value.jsonString == #"{"zeta":1,"alpha":{"d":1,"c":2},"Mid":3,"é":4}"#)
        #expect(value.serialized(sortedKeys: true) == #"{"Mid":3,"alpha":{"c":2,"d":1},"zeta":1,"é":4}"#)
    }

    @Test("pretty output uses a two-space indent")
    func pretty() throws {
        let value = try JSONValue(parsing: #"{"a":[1,{"b":null}],"c":{},"d":[]}"#)
        let expected = """
        {
          "a": [
            1,
            {
              "b": null
            }
          ],
          "c": {},
          "d": []
        }
        """
        #expect(value.serialized(pretty: true) == expected)
        #expect(try JSONValue(parsing: expected) == value)
    }

    @Test("strings escape quotes, backslashes and control characters, not slashes or Unicode")
    func escaping() {
        let value = JSONValue.string("a\"b\\c/d\u{1}\u{7F}é\n\t\u{8}\u{C}\r")
        #expect(value.serialized() == #""a\"b\\c/d\u0001"# + "\u{7F}é" + #"\n\t\b\f\r""#)
    }

    @Test("numbers given in code print without a needless fraction")
    func numbersFromCode() {
        let values: [JSONValue] = [.number(3.0), .number(-0.0), .number(0.1), .number(1e20), .number(42),
                                   .number(Double.nan), 2.5]
        #expect(JSONValue.array(values).serialized() == "[3,-0,0.1,1e+20,42,null,2.5]")
    }
}

@Suite("JSON numbers")
struct JSONNumberTests {
    @Test("equal values compare and hash equal whatever their spelling")
    func valueEquality() throws {
        let spellings = ["1", "1.0", "10e-1", "0.1e1", "1.000"]
        let numbers = try spellings.map { try #require(JSONNumber(literal: $0)) }
        #expect(Set(numbers).count == 1)
        #expect(Set(numbers + [JSONNumber(1), JSONNumber(1.0)]).count == 1)
        #expect(JSONNumber(literal: "-0") == JSONNumber(0))
        #expect(JSONValue.number(1) != JSONValue.bool(true))
    }

    @Test("integers beyond 2^53 stay exact")
    func bigIntegers() throws {
        let near = try #require(JSONNumber(literal: "9007199254740993"))
        let below = try #require(JSONNumber(literal: "9007199254740992"))
        #expect(near != below)
        #expect(near > below)
        #expect(near.int64Value == 9_007_199_254_740_993)
        let huge = try #require(JSONNumber(literal: "123456789012345678901234567890"))
        #expect(huge.isInteger)
        #expect(huge.int64Value == nil)
        #expect(huge > JSONNumber(Int64.max))
        #expect(huge.description == "123456789012345678901234567890")
    }

    @Test("ordering is exact across representations")
    func ordering() throws {
        let values = ["-1e400", "-5", "-0.5", "0", "1e-400", "0.1", "1", "1.5", "18446744073709551615", "1e400"]
        let numbers = try values.map { try #require(JSONNumber(literal: $0)) }
        #expect(numbers == numbers.sorted())
        #expect(JSONNumber(0.1) == JSONNumber(literal: "0.1"))
        #expect(JSONNumber(2) < JSONNumber(2.5))
    }

    @Test("multipleOf arithmetic is exact for decimals", arguments: [
        ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("19.99", "0.01", true), ("4.5", "1.5", true),
        ("35", "1.5", false), ("1e308", "0.5", true), ("12391239123", "1e-8", true), ("0", "7", true),
        ("-4.5", "1.5", true), ("1e-400", "1e-401", true), ("0.3", "0.1", true), ("1", "0.3", false),
        ("5", "1e400", false), ("1e500", "1e400", true), ("0.5", "1", false),
    ])
    func multipleOf(value: String, divisor: String, expected: Bool) throws {
        let number = try #require(JSONNumber(literal: value))
        let step = try #require(JSONNumber(literal: divisor))
        #expect(number.isMultiple(of: step) == expected)
    }

    @Test("JSONNumber(literal:) accepts only the RFC 8259 grammar")
    func literalGrammar() {
        for bad in ["", " 1", "1 ", "01", "+1", "1.", ".1", "1e", "NaN", "0x10", "--1", "1_000"] {
            #expect(JSONNumber(literal: bad) == nil, "\(bad)")
        }
        #expect(JSONNumber(literal: "-0.0e+0")?.description == "-0.0e+0")
    }
}
