import Foundation
import Gateway
import JSONSchema
import Testing

@Suite("Seed 001: OpenAPI document and llms-full.txt")
struct IntegrationsDocsTests {
    @Test("the OpenAPI document is valid (openapi-spec-validator) and every operation it lists is routed at both prefixes")
    func openAPI() async throws {
        let gateway = try await TestGateway.start()
        let document = try await gateway.request("GET", "/docs/openapi.json")
        try await expectValidOpenAPI(document, savedAs: "openapi.json", in: gateway)
        let paths = document.json["paths"]?.objectValue ?? [:]
        #expect(paths.count == 19)
        for (template, item) in paths {
            for method in item.objectValue?.keys ?? [] {
                let concrete = template.replacingOccurrences(of: "{provider}", with: "openai").replacingOccurrences(of: "{key}", with: "slack")
                for prefix in ["", "/api"] {
                    let target = concrete.replacingOccurrences(of: "/api/integrations", with: prefix + "/api/integrations")
                    let response = try await gateway.request(method.uppercased(), target,
                                                             headers: ["X-API-Key": gateway.credentials.other.apiKey.token],
                                                             body: method == "get" ? nil : "{}")
                    let error = response.json["error"]?.stringValue ?? ""
                    #expect(!error.hasPrefix("no route for") && !error.hasSuffix("is not allowed here"),
                            "\(method.uppercased()) \(target) is documented but not routed")
                }
            }
        }
        let text = try await gateway.request("GET", "/docs/llms-full.txt")
        #expect(text.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(text.text.contains("POST /api/integrations/execute"))
        await gateway.stop()
    }
}

@Suite("Seed 002: OpenAPI document")
struct AutomationDocsTests {
    @Test("GET /api/v1/openapi is valid (openapi-spec-validator) and every operation it lists is routed")
    func openAPI() async throws {
        let gateway = try await TestGateway.start()
        let document = try await gateway.request("GET", "/api/v1/openapi")
        try await expectValidOpenAPI(document, savedAs: "automation-openapi.json", in: gateway)
        let paths = document.json["paths"]?.objectValue ?? [:]
        #expect(paths.count == 12)
        for (template, item) in paths {
            for method in item.objectValue?.keys ?? [] {
                let target = template.replacingOccurrences(of: "{id}", with: "x")
                let response = try await gateway.request(method.uppercased(), target,
                                                         headers: ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"],
                                                         body: method == "get" || method == "delete" ? nil : "{}")
                let error = response.json["error"]?.stringValue ?? ""
                #expect(!error.hasPrefix("no route for") && !error.hasSuffix("is not allowed here"), "\(method) \(target)")
            }
        }
        await gateway.stop()
    }
}

/// Expects a 200 whose body the official openapi-spec-validator accepts (the file is kept in the gateway's folder).
private func expectValidOpenAPI(_ document: TestResponse, savedAs name: String, in gateway: TestGateway) async throws {
    #expect(document.status == 200)
    let path = gateway.directory.appendingPathComponent(name)
    try document.body.write(to: path)
    let check = try await runProcess("/usr/bin/env", ["python3", "-c",
        "import json,sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')",
        path.path], environment: [:])
    #expect(check.stdout.contains("valid"), "\(check.stderr.suffix(1500))")
}
