import Foundation
import Testing

@testable import Conformance

@Suite("Loading contracts and scenarios")
struct LoaderTests {
    static let goodCase = #"[{"name": "ok", "expect": {"status": 200}}]"#

    /// One broken contract and the file and field its error must name.
    @Test(
        "a broken contract's error names the file and the field",
        arguments: [
            (#"{"cases": [{"name": "a", "expect": {"status": 200}}]}"#, "", "must have required property 'endpoint'"),
            (
                thingsContract(#"[{"name": "a", "expect": {"status": "200"}}]"#), "/cases/0/expect/status",
                "must be integer"
            ),
            (
                thingsContract(#"[{"name": "a", "expect": {}}]"#), "/cases/0/expect",
                "must have required property 'status'"
            ),
            (
                thingsContract(#"[{"name": "a", "expect": {"status": 200}, "tgas": []}]"#), "/cases/0",
                "must NOT have additional property 'tgas'"
            ),
            (
                thingsContract(#"[{"name": "a", "request": {"headers": {"X": 1}}, "expect": {"status": 200}}]"#),
                "/cases/0/request/headers/X", "must be string or null"
            ),
            (
                thingsContract(#"[{"name": "a", "expect": {"status": 200, "headers": {"X": {"regex": "("}}}}]"#),
                "/cases/0/expect/headers/X/regex", "is not a valid regular expression"
            ),
            (
                thingsContract(#"[{"name": "a", "expect": {"status": 200, "schema": {"$ref": "schemas/nope.json"}}}]"#),
                "/cases/0/expect/schema", "is not a usable JSON Schema"
            ),
            (
                thingsContract(
                    #"[{"name": "a", "expect": {"status": 200}}, {"name": "a", "expect": {"status": 401}}]"#),
                "/cases/1/name", "another case is named 'a'"
            ),
            (
                thingsContract(#"[{"name": "a", "request": {"json": {}, "raw": "x"}, "expect": {"status": 200}}]"#),
                "/cases/0/request", "a request has one body: json and raw are both set"
            ),
            (
                thingsContract(#"[{"name": "a", "request": {"pathParams": {"idd": "1"}}, "expect": {"status": 200}}]"#),
                "/cases/0/request/pathParams", "'idd' is not a {parameter} of /things"
            ),
            (
                #"{"endpoint": {"method": "GET", "path": "/thingz", "seed": "002", "section": "S"}, "#
                    + #""cases": \#(goodCase)}"#,
                "/endpoint/path", "GET /thingz is not listed in endpoints.json"
            ),
            (
                #"{"endpoint": {"method": "GET", "path": "/things", "seed": "001", "section": "S"}, "#
                    + #""cases": \#(goodCase)}"#,
                "/endpoint/seed", "endpoints.json lists GET /things under seed 002, not 001"
            ),
            (
                thingsContract(
                    #"[{"name": "a", "setup": [{"id": "s", "request": {"path": "/x"}}], "expect": {"status": 200}}]"#),
                "/cases/0/setup/0/request", "must have required property 'method'"
            ),
        ])
    func contractErrors(_ text: String, _ field: String, _ message: String) throws {
        let errors = loadErrors(files: ["things/bad.json": text])
        let error = try #require(errors.first)
        #expect(error.file.hasSuffix("Contracts/things/bad.json"))
        #expect(error.field == field)
        #expect(error.message.hasPrefix(message), "got: \(error)")
        #expect(error.description.contains("bad.json: \(field.isEmpty ? "" : field + ": ")\(message)"))
    }

    @Test("a file that is not JSON names its line and column")
    func malformed() throws {
        let errors = loadErrors(files: ["broken.json": "{\n  \"endpoint\": ,\n}"])
        let error = try #require(errors.first)
        #expect(error.file.hasSuffix("broken.json"))
        #expect(error.message.contains("line 2"))
    }

    @Test("every broken file is reported in one go, and good ones do not hide them")
    func allProblems() {
        let errors = loadErrors(files: [
            "a.json": thingsContract(#"[{"name": "a", "expect": {"status": true}}]"#),
            "b.json": thingsContract(Self.goodCase),
            "c.json": thingsContract(#"[]"#),
        ])
        #expect(errors.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["a.json", "c.json"])
        #expect(errors.last?.field == "/cases")
    }

    @Test("a bad manifest is reported before any contract")
    func badManifest() throws {
        let manifest = makeManifest(manifestEntry("x", "GET", "/a"), manifestEntry("x", "POST", "/a"))
        let error = try #require(loadErrors(files: [:], manifest: manifest).first)
        #expect(error.file.hasSuffix("Contracts/endpoints.json"))
        #expect(error.field == "/endpoints/1/id")
        #expect(error.message == "another endpoint has id 'x'")
    }

    @Test(
        "scenario errors name the file and the step",
        arguments: [
            (
                #"{"name": "s", "steps": [{"id": "a", "request": {"method": "GET", "path": "/"}, "resetMock": true}]}"#,
                "/steps/0",
                "a step does one thing: request and resetMock are both set"
            ),
            (
                #"{"name": "s", "steps": [{"id": "a"}]}"#, "/steps/0",
                "a step needs one of request, wait, journal, webhook or resetMock"
            ),
            (
                #"{"name": "s", "steps": [{"id": "a", "wait": {"request": {"method": "GET", "path": "/"}, "#
                    + #""until": {"pointer": "status", "equals": 1}}}]}"#,
                "/steps/0/wait/until/pointer", "must match pattern"
            ),
            (
                #"{"name": "s", "steps": [{"id": "a", "journal": {"provider": "slack"}, "expect": {"status": 200}}]}"#,
                "/steps/0/expect", "only request and wait steps have a response"
            ),
            (
                #"{"name": "s", "steps": [{"id": "a", "resetMock": true}, {"id": "a", "resetMock": true}]}"#,
                "/steps/1/id",
                "another step is 'a'"
            ),
            (
                #"{"name": "s", "steps": [{"id": "a", "webhook": {"timeoutSeconds": 0}}]}"#,
                "/steps/0/webhook/timeoutSeconds",
                "must be > 0"
            ),
        ])
    func scenarioErrors(_ text: String, _ field: String, _ message: String) throws {
        let error = try #require(loadErrors(files: [:], scenarios: ["flow.json": text]).first)
        #expect(error.file.hasSuffix("Scenarios/flow.json"))
        #expect(error.field == field)
        #expect(error.message.hasPrefix(message), "got: \(error)")
    }

    @Test("a profile's errors name the file and the field")
    func profileErrors() throws {
        #expect(throws: LoadError(file: "p.json", field: "/variables/org", message: "must be string")) {
            try Profile(json: ["baseURL": "http://x", "variables": ["org": 1]], file: "p.json")
        }
        #expect(
            throws: LoadError(
                file: "p.json", field: "/baseURL", message: #"must match pattern "^https?://[^/]+(/.*)?$""#)
        ) {
            try Profile(json: ["baseURL": "ftp://x"], file: "p.json")
        }
        let profile = try Profile(
            json: ["baseURL": "http://x:1", "mockBaseURL": "http://y:2", "variables": ["org": "demo"]],
            file: "p.json")
        #expect(
            profile.baseURL == "http://x:1" && profile.mockBaseURL == "http://y:2"
                && profile.variables == ["org": "demo"])
    }

    @Test("shared schemas resolve from the contracts folder, aliases run each case on each path")
    func sharedSchemasAndAliases() throws {
        let manifest = makeManifest(
            manifestEntry("a", "GET", "/v1/x", seed: "001"), manifestEntry("b", "GET", "/v2/x", seed: "001"))
        let suite = try loadSuite(
            files: [
                "schemas/thing.json": #"{"type": "object", "required": ["id"]}"#,
                "x.json":
                    #"{"endpoint": {"method": "GET", "path": "/v1/x", "aliases": ["/v2/x"], "seed": "001", "#
                    + #""section": "s"},"#
                    + #""cases": [{"name": "a", "expect": {"status": 200, "schema": {"$ref": "schemas/thing.json"}}},"#
                    + #"{"name": "b", "request": {"path": "/v1/x?b"}, "expect": {"status": 200}}]}"#,
            ], manifest: manifest)
        let schema = try #require(suite.contracts.first?.cases.first?.expect.schema)
        #expect(schema.isValid(["id": 1]) && !schema.isValid(["no": 1]))
        let plan = RunPlan(suite: suite, selection: .all)
        let ids = plan.items.compactMap { item -> String? in
            if case .contractCase(let run) = item { run.id } else { nil }
        }
        #expect(ids == ["x/a", "x/a @ /v2/x", "x/b"])
    }
}
