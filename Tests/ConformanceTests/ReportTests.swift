import Foundation
import JSONSchema
import Testing

@testable import Conformance

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Reports")
struct ReportTests {
    /// A run against the double with a mistake: passes, failures, a skip and an endpoint without contract
    /// (the invoke contract is left out of the loaded suite, so that endpoint is uncovered on purpose).
    static func report() async throws -> RunReport {
        var suite = try repositorySuite()
        suite.contracts.removeAll { $0.name == "ai-proxy/invoke" }
        let double = DiscoveryDouble(mistake: .wrongErrorShape)
        let server = try TestServer { request in double.respond(request) }
        let profile = Profile(baseURL: server.baseURL, variables: DiscoveryDouble.profileVariables)
        let report = try await ConformanceRunner(
            suite: suite, profile: profile,
            options: RunnerOptions(selection: Selection("platform,ai-proxy"))
        ).run()
        await server.stop()
        return report
    }

    @Test("JUnit XML parses and counts every case, failure and uncovered endpoint")
    func junit() async throws {
        let report = try await Self.report()
        let xml = JUnitReport.render(report)
        let summary = try JUnitSummary(xml)
        #expect(summary.testcases == report.results.count + report.coverage.count)
        #expect(summary.failures == report.counts.failed + report.endpointsWithoutContract.count)
        #expect(summary.failures == 2, "the wrong error shape and POST …/{action}/ without contract")
        #expect(summary.suites == ["ai-proxy", "platform", "coverage"])
        #expect(summary.rootAttributes["tests"] == "\(summary.testcases)")
        #expect(summary.rootAttributes["failures"] == "\(summary.failures)")
        #expect(
            summary.failureMessages.contains { $0.contains("schema at (root): must have required property 'error'") })
        #expect(!xml.contains(DiscoveryDouble.apiKey), "credentials are redacted")
    }

    @Test("the JSON report parses and agrees with the run")
    func json() async throws {
        let report = try await Self.report()
        let json = try JSONValue(parsing: JSONReport.render(report).serialized(pretty: true))
        #expect(json["passed"] == false)
        #expect(json["summary"]?["failed"]?.intValue == report.counts.failed)
        #expect(json["summary"]?["endpointsWithoutContract"]?.intValue == 1)
        let failed = json["results"]?.arrayValue?.filter { $0["outcome"] == "failed" } ?? []
        #expect(failed.count == 1)
        #expect(failed.first?["mismatches"]?[0]?["kind"] == "schema")
        #expect(failed.first?["exchanges"]?[0]?["response"]?["status"] == 404)
        let invoke = json["coverage"]?.arrayValue?.first { $0["id"] == "000.invoke" }
        #expect(invoke?["contract"] == .null)
    }

    @Test("the console report has the surface table, coverage and each failure's request and response")
    func console() async throws {
        let report = try await Self.report()
        let text = ConsoleReport.render(report)
        #expect(text.contains("surface   passed  failed  skipped  endpoints  no contract"))
        #expect(text.contains("✗ ai-proxy/get-service/answers 404 for a service discovery does not list"))
        #expect(text.contains("GET \(report.baseURL)/api/ai-proxy/orgs/demo/services/no-such-service/"))
        #expect(text.contains("Authorization: Api-Key ‹apiKey›"))
        #expect(text.contains("response: 404"))
        #expect(text.contains(#"{"message":"Service 'no-such-service' not found"}"#))
        #expect(report.counts.failed == 1, "only the wrong error shape")
        let counts = report.counts
        #expect(text.hasSuffix("FAILED: \(counts.passed) passed, 1 failed, \(counts.skipped) skipped; 3 of 4 selected endpoints have a contract.\n"))
    }

    @Test("the HTML page is one file with the coverage grid and failure details")
    func html() async throws {
        let report = try await Self.report()
        let html = HTMLReport.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(!html.contains("<link") && !html.contains("<script"), "no external resources")
        #expect(html.contains(#"<table class="coverage">"#))
        #expect(html.contains(#"<td class="cell failed" title="404: 1 passed, 1 failed, 0 skipped">✗</td>"#))
        #expect(html.contains(#"<td class="contract bad">no contract</td>"#))
        #expect(html.contains("<details open><summary>"))
        for tag in ["table", "section", "details", "tr", "td", "th"] {
            let opened =
                html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == html.components(separatedBy: "</\(tag)>").count - 1, "<\(tag)> elements are balanced")
        }
    }
}

/// Counts of a JUnit document, read with Foundation's XMLParser.
final class JUnitSummary: NSObject, XMLParserDelegate {
    var testcases = 0, failures = 0
    var suites: [String] = []
    var rootAttributes: [String: String] = [:]
    var failureMessages: [String] = []

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testsuites": rootAttributes = attributes
        case "testsuite": suites.append(attributes["name"] ?? "")
        case "testcase": testcases += 1
        case "failure":
            failures += 1
            failureMessages.append(attributes["message"] ?? "")
        default: break
        }
    }
}
