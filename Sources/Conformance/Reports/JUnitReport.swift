import Foundation

/// JUnit XML for CI: one `<testsuite>` per surface (cases and scenarios), plus a `coverage` suite with one
/// test per selected endpoint that fails when the endpoint has no contract.
public enum JUnitReport {
    /// The XML document.
    public static func render(_ report: RunReport) -> String {
        let counts = report.counts
        let missing = report.endpointsWithoutContract.count
        var xml = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        xml.append(
            #"<testsuites name="switchboard verify" tests="\#(report.results.count + report.coverage.count)" "#
                + #"failures="\#(counts.failed + missing)" errors="0" skipped="\#(counts.skipped)" "#
                + #"time="\#(format(report.duration))">"#)
        let stamp = ISO8601DateFormatter().string(from: report.startedAt)
        for surface in Array(Set(report.results.map(\.surface))).sorted() {
            let results = report.results.filter { $0.surface == surface }
            let failed = results.filter { $0.outcome == .failed }.count
            let skipped = results.filter { $0.outcome == .skipped }.count
            let time = results.reduce(Duration.zero) { $0 + $1.duration }
            xml.append(
                #"  <testsuite name="\#(Markup.escape(surface))" tests="\#(results.count)" failures="\#(failed)" "#
                    + #"errors="0" skipped="\#(skipped)" time="\#(format(time))" timestamp="\#(stamp)">"#)
            xml += results.map(testcase)
            xml.append("  </testsuite>")
        }
        if !report.coverage.isEmpty {
            xml.append(
                #"  <testsuite name="coverage" tests="\#(report.coverage.count)" failures="\#(missing)" errors="0" "#
                    + #"skipped="0" time="0" timestamp="\#(stamp)">"#)
            for entry in report.coverage {
                let name = Markup.escape("\(entry.endpoint.id) \(entry.endpoint.label)")
                let statuses = entry.statuses.map { "\($0.code): \($0.state)" }.joined(separator: ", ")
                let open =
                    #"    <testcase classname="coverage.\#(Markup.escape(entry.endpoint.surface))" "#
                    + #"name="\#(name)" time="0">"#
                if entry.contract == nil {
                    xml.append(open)
                    xml.append(
                        #"      <failure message="no contract for this endpoint" type="coverage">"#
                            + Markup.escape(
                                "seed \(entry.endpoint.seed), \(entry.endpoint.section); statuses: \(statuses)")
                            + "</failure>")
                    xml.append("    </testcase>")
                } else {
                    xml.append(open)
                    xml.append("      <system-out>\(Markup.escape(statuses))</system-out>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private static func testcase(_ result: CaseResult) -> String {
        let open =
            #"    <testcase classname="\#(Markup.escape(result.surface + "." + result.group))" "#
            + #"name="\#(Markup.escape(result.name))" time="\#(format(result.duration))" "#
            + #"file="\#(Markup.escape(result.file))""#
        switch result.outcome {
        case .passed:
            return open + "/>"
        case .skipped:
            return open + ">\n" + #"      <skipped message="\#(Markup.escape(result.skipReason ?? ""))"/>"#
                + "\n    </testcase>"
        case .failed:
            let first = result.mismatches.first
            let details = (FailureText.mismatches(result) + [""] + FailureText.exchange(result)).joined(separator: "\n")
            return open + ">\n"
                + #"      <failure message="\#(Markup.escape(first?.description ?? "failed"))" "#
                + #"type="\#(first?.kind.rawValue ?? "failure")">\#(Markup.escape(details))</failure>"#
                + "\n    </testcase>"
        }
    }

    private static func format(_ duration: Duration) -> String { String(format: "%.3f", duration.seconds) }
}
