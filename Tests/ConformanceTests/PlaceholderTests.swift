import HTTPCore
import JSONSchema
import Testing

@testable import Conformance

@Suite("Placeholders")
struct PlaceholderTests {
    static let context = TemplateContext(
        variables: ["org": "demo", "apiKey": "sk_1", "baseURL": "http://127.0.0.1:1"],
        steps: [
            "create": StepRecord(
                status: 201, headers: ["Location": "/things/t1", "X-Count": "3"],
                body: [
                    "id": "t1", "count": 3, "items": [["name": "a"], ["name": "b"]], "ok": true,
                    "dotted.key": "d",
                ],
                text: "")
        ])

    @Test(
        "strings fill in variables and captures",
        arguments: [
            ("/api/ai-proxy/orgs/{{org}}/services/", "/api/ai-proxy/orgs/demo/services/"),
            ("Api-Key {{apiKey}}", "Api-Key sk_1"),
            ("{{ org }}", "demo"),
            ("{{baseURL}}/x", "http://127.0.0.1:1/x"),
            ("/things/{{steps.create.body.id}}", "/things/t1"),
            ("{{steps.create.body.items.1.name}}", "b"),
            ("n={{steps.create.body.count}}", "n=3"),
            ("{{steps.create.status}}", "201"),
            ("{{steps.create.headers.location}}", "/things/t1"),
            ("{{steps.create.body.ok}}", "true"),
            ("no placeholders", "no placeholders"),
            (#"Hello \{{name}}, {{org}}"#, "Hello {{name}}, demo"),
            (#"\{{"#, "{{"),
        ])
    func strings(_ template: String, _ expected: String) throws {
        #expect(try Placeholders.render(template, in: Self.context) == expected)
    }

    @Test("a JSON string that is one placeholder keeps the captured value's type")
    func typedJSON() throws {
        let template: JSONValue = [
            "count": "{{steps.create.body.count}}", "first": "{{steps.create.body.items.0}}",
            "label": "n={{steps.create.body.count}}", "flag": "{{steps.create.body.ok}}",
            "list": ["{{org}}", 1, nil],
        ]
        let rendered = try Placeholders.render(template, in: Self.context)
        #expect(
            rendered == ["count": 3, "first": ["name": "a"], "label": "n=3", "flag": true, "list": ["demo", 1, nil]])
    }

    @Test("generators give a fresh UUID and random hex each time")
    func generators() throws {
        let first = try Placeholders.render("{{$uuid}}", in: Self.context)
        let second = try Placeholders.render("{{$uuid}}", in: Self.context)
        #expect(first != second)
        #expect(first.count == 36 && first.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        let random = try Placeholders.render("{{$random}}", in: Self.context)
        #expect(random.count == 16 && random.allSatisfy(\.isHexDigit))
        #expect(try Placeholders.render("{{$random}}", in: Self.context) != random)
    }

    @Test(
        "what cannot be filled in is named, with why",
        arguments: [
            ("{{missing}}", "{{missing}}", "the profile has no variable 'missing'"),
            ("x {{org", "{{org", "no closing }}"),
            ("{{steps.other.body.id}}", "{{steps.other.body.id}}", "no earlier step 'other' (earlier: create)"),
            ("{{steps.create.body.nope}}", "{{steps.create.body.nope}}", "the body has nothing at /nope"),
            ("{{steps.create.body.items.7}}", "{{steps.create.body.items.7}}", "the body has no element at /items/7"),
            (
                "{{steps.create.headers.x-none}}", "{{steps.create.headers.x-none}}",
                "step 'create' got no x-none header field"
            ),
            ("{{mockBaseURL}}/_mock/reset", "{{mockBaseURL}}", "the profile has no mockBaseURL"),
        ])
    func errors(_ template: String, _ placeholder: String, _ reason: String) {
        #expect(throws: PlaceholderError(placeholder: placeholder, reason: reason)) {
            try Placeholders.render(template, in: Self.context)
        }
    }

    @Test("a case's path template takes pathParams, then profile variables, percent-encoded")
    func pathTemplates() throws {
        let builder = RequestBuilder(
            baseURL: "http://h:1/",
            defaultHeaders: [HeaderTemplate(name: "Authorization", value: "Api-Key {{apiKey}}")],
            defaultQuery: [FormField("available", "true")])
        let template = RequestTemplate(
            pathParameters: ["service": "a b/c"],
            headers: [
                HeaderTemplate(name: "authorization", value: nil),
                HeaderTemplate(name: "X-Id", value: "{{steps.create.body.id}}"),
            ],
            query: [FormField("q", "x&y")], body: .json(["n": "{{steps.create.body.count}}"]))
        let request = try builder.build(
            template, endpoint: ("POST", "/orgs/{org}/services/{service}/"), context: Self.context)
        #expect(request.method == "POST")
        #expect(request.url == "http://h:1/orgs/demo/services/a%20b%2Fc/?available=true&q=x%26y")
        #expect(request.headers["Authorization"] == nil, "a null header removes the default")
        #expect(request.headers["X-Id"] == "t1")
        #expect(request.bodyText == #"{"n":3}"#)
        #expect(
            throws: PlaceholderError(
                placeholder: "{thing}", reason: "no pathParams value and no profile variable 'thing'")
        ) {
            try builder.build(RequestTemplate(), endpoint: ("GET", "/x/{thing}"), context: Self.context)
        }
    }

    @Test("JSON subsets: objects by key, arrays element by element, scalars equal")
    func subsets() throws {
        let actual: JSONValue = ["a": 1, "b": ["c": "d", "e": [1, 2]], "f": nil]
        #expect(JSONSubset.contains(["b": ["e": [1, 2]]], in: actual))
        #expect(JSONSubset.contains(["f": nil, "a": 1.0], in: actual))
        let differences = JSONSubset.differences(["a": 2, "b": ["e": [1]], "g": true], in: actual)
        #expect(differences.map(\.path) == ["/a", "/b/e", "/g"])
        #expect(
            differences.map(\.message) == [
                "expected 2, got 1", "expected 1 elements, got 2", "missing (expected true)",
            ])
    }
}
