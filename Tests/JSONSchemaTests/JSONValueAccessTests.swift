import Foundation
import JSONSchema
import Testing

@Suite("JSONValue literals, accessors and Codable")
struct JSONValueAccessTests {
    @Test("literals build the expected cases")
    func literals() {
        let value: JSONValue = ["s": "text", "i": 3, "d": 2.5, "b": true, "n": nil, "a": [1, "x"]]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.intValue == 3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?.arrayValue?.count == 2)
        #expect(value.objectValue?.keys == ["s", "i", "d", "b", "n", "a"])
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.number(2.0).intValue == 2)
        #expect(JSONValue.number(2.5).intValue == nil)
        #expect(JSONValue.string("3").intValue == nil)
    }

    @Test("setters change objects in place and keep key order")
    func setters() {
        var value: JSONValue = ["a": 1, "b": 2]
        value["a"] = "one"
        value["c"] = 3
        value.setValue(true, forKey: "d")
        #expect(value.removeValue(forKey: "b") == 2)
        #expect(value.serialized() == #"{"a":"one","c":3,"d":true}"#)
        value["c"] = nil
        #expect(value.objectValue?.keys == ["a", "d"])
        var empty = JSONValue.null
        empty["x"] = 1
        #expect(empty == ["x": 1])
        var list: JSONValue = [1, 2]
        list[1] = "two"
        list.append(3)
        list[9] = "ignored"
        #expect(list == [1, "two", 3])
    }

    @Test("objects compare equal regardless of key order; arrays do not")
    func orderInsensitiveObjects() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"b":[1,2]}"#) == JSONValue(parsing: #"{"b":[1.0,2],"a":1}"#))
        #expect(try JSONValue(parsing: "[1,2]") != JSONValue(parsing: "[2,1]"))
        let set: Set<JSONValue> = [["a": 1, "b": 2], ["b": 2, "a": 1.0]]
        #expect(set.count == 1)
    }

    @Test("large objects switch to hashed lookup and keep working")
    func largeObjects() {
        var object = JSONObject()
        for index in 0..<100 { object["k\(index)"] = .number(index) }
        object["k50"] = nil
        #expect(object.count == 99)
        #expect(object["k99"] == 99)
        #expect(object["k50"] == nil)
        #expect(object.keys[50] == "k51")
        #expect(object.index(forKey: "k51") == 50)
    }

    private struct Payload: Codable, Equatable {
        var name: String
        var count: Int
        var tags: [String]
        var nested: [String: Double]?
    }

    @Test("Codable bridge converts both ways")
    func codable() throws {
        let payload = Payload(name: "n", count: 3, tags: ["a"], nested: ["x": 1.5])
        let value = try JSONValue(encoding: payload)
        #expect(value["name"] == "n")
        #expect(value["nested"]?["x"] == 1.5)
        #expect(try value.decode(Payload.self) == payload)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"b":[1,2.5,"x",null,true]}"#.utf8))
        #expect(decoded == ["b": [1, 2.5, "x", nil, true]])
        let encoded = try JSONEncoder().encode(["k": [1, "v"]] as JSONValue)
        #expect(try JSONValue(parsing: encoded) == ["k": [1, "v"]])
    }
}
