import Foundation
import HTTPCore
import Testing

/// One case of aws/http-desync-guardian's corpus (Fixtures/desync-guardian-cases.json, converted from YAML).
struct DesyncCase: Decodable, CustomStringConvertible {
    struct Header: Decodable {
        let name: String
        let value: String
    }

    struct Expected: Decodable {
        let tier: String
        let reason: String
    }

    let file: String
    let name: String
    let uri: String
    let method: String
    let version: String
    let headers: [Header]?
    let expected: Expected

    var description: String { "\(file): \(name)" }

    /// `METHOD SP URI SP VERSION CRLF (name ":" SP value CRLF)* CRLF`, as the corpus README describes.
    var rawRequest: [UInt8] {
        var text = version.isEmpty ? "\(method) \(uri)\r\n" : "\(method) \(uri) \(version)\r\n"
        for header in headers ?? [] { text += "\(header.name): \(header.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func load() throws -> [DesyncCase] {
        struct Suite: Decodable { let cases: [DesyncCase] }
        return try JSONDecoder().decode(Suite.self, from: fixture("desync-guardian-cases.json")).cases
    }
}

@Suite("http-desync-guardian corpus")
struct DesyncGuardianTests {
    static let cases = (try? DesyncCase.load()) ?? []

    @Test("the corpus loads")
    func corpusLoads() {
        #expect(Self.cases.count == 159)
    }

    @Test("severe cases are refused with 400", arguments: cases.filter { $0.expected.tier == "Severe" })
    func severe(_ testCase: DesyncCase) {
        let outcome = parse(testCase.rawRequest, splits: [testCase.rawRequest.count])
        #expect(outcome.error?.status == .badRequest, "\(testCase) → \(String(describing: outcome.error))")
    }

    @Test("compliant cases are accepted", arguments: cases.filter { $0.expected.tier == "Compliant" })
    func compliant(_ testCase: DesyncCase) {
        let outcome = parse(testCase.rawRequest, splits: [testCase.rawRequest.count])
        #expect(outcome.error == nil, "\(testCase) → \(String(describing: outcome.error))")
        #expect(outcome.messages.first?.method == testCase.method)
    }
}
