import Foundation
import HTTPCore
import JSONSchema
import Testing
@testable import MockUpstream

/// The pieces under replay: path templates, body templates, value matchers and the journal's bound.
@Suite("Building blocks")
struct BuildingBlockTests {
    @Test("path templates: one segment, several segments before a literal tail, trailing slash",
          arguments: [
            ("/v1/text-to-speech/{voice_id}", "/v1/text-to-speech/abc/", ["voice_id": "abc"]),
            ("/hf-inference/models/{model...}/pipeline/{task}", "/hf-inference/models/BAAI/bge-small/pipeline/feature-extraction",
             ["model": "BAAI/bge-small", "task": "feature-extraction"]),
            ("/models/{model...}", "/models/gpt2", ["model": "gpt2"]),
            ("/v1/models", "/v1/models/x", nil),
          ] as [(String, String, [String: String]?)])
    func templates(_ template: String, _ path: String, _ expected: [String: String]?) throws {
        let compiled = try PathTemplate(template)
        #expect(compiled.match(PathTemplate.decodedSegments(path)) == expected)
        #expect(compiled.matches(PathTemplate.decodedSegments(path)) == (expected != nil))
    }

    @Test("body templates escape values inside JSON strings and keep raw numbers numbers")
    func bodyTemplates() throws {
        let body = Array(#"{"say":"{{json./text}}","n":"{{raw:json./n|7}}","q":"{{query.q|none}}"}"#.utf8)
        let template = try BodyTemplate(body, json: true)
        let head = HTTPRequestHead(method: .post, target: "/openai/x?q=a%26b", headers: ["Content-Type": "application/json"])
        let request = MockRequest(provider: .openai, request: HTTPRequest(
            head: head, body: .bytes(Array(#"{"text":"He said \"hi\"\n","n":42}"#.utf8))))
        let rendered = try JSONValue(parsing: template.render(request, parameters: [:]))
        #expect(rendered["say"] == "He said \"hi\"\n")
        #expect(rendered["n"] == 42)
        #expect(rendered["q"] == "a&b")
        #expect(throws: TemplateError.self) { try BodyTemplate(Array(#"{"a":"x{{raw:json./n}}"}"#.utf8), json: true) }
    }

    @Test("value matchers: shorthand, text versus numbers, subset of arrays, not, anyOf")
    func matchers() throws {
        let decoder = RecordingDecoder(file: "t.json", provider: .openai)
        let number = try decoder.decodeMatcher(1, at: "")
        #expect(number.mismatch(.string("1"), fromText: true) == nil)
        #expect(number.mismatch(.string("1"), fromText: false) != nil)
        let tool = try decoder.decodeMatcher(["subset": ["messages": [["role": "tool"]]]], at: "")
        #expect(tool.mismatch(["messages": [["role": "user"], ["role": "tool", "content": "x"]]], fromText: false) == nil)
        #expect(tool.mismatch(["messages": [["role": "user"]]], fromText: false) != nil)
        let notBearer = try decoder.decodeMatcher(["not": ["regex": "^Bearer "]], at: "")
        #expect(notBearer.mismatch(nil, fromText: true) == nil)
        #expect(notBearer.mismatch("Bearer x", fromText: true) != nil)
        let either = try decoder.decodeMatcher(["anyOf": [["present": false], ["regex": "^C0+$"]]], at: "")
        #expect(either.mismatch(nil, fromText: true) == nil)
        #expect(either.mismatch("C000", fromText: true) == nil)
        #expect(either.mismatch("C123", fromText: true) != nil)
    }

    @Test("the journal keeps the newest entries up to its limit")
    func journalLimit() {
        let journal = Journal(limit: 10)
        for _ in 0..<25 {
            journal.append { JournalEntry(id: $0, receivedAt: Date(), provider: .slack, method: .post, path: "/api/x",
                                          query: nil, headers: [:], body: [], recording: nil, status: 200) }
        }
        #expect(journal.count == 10)
        #expect(journal.entries().map(\.id) == Array(16...25))
        #expect(journal.last?.id == 25)
    }
}
