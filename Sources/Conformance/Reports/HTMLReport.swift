import Foundation

/// A single-file HTML page: the verdict, the per-surface table, coverage as endpoints × status codes (colored
/// by outcome), every failure with its request and response, and every result.
public enum HTMLReport {
    /// The page.
    public static func render(_ report: RunReport) -> String {
        let counts = report.counts
        let verdict = report.passed ? "passed" : "failed"
        var html = [
            "<!DOCTYPE html>", #"<html lang="en">"#, "<head>", #"<meta charset="utf-8">"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
            "<title>Switchboard conformance: \(verdict.uppercased()) (\(Markup.escape(report.baseURL)))</title>",
            "<style>\(HTMLStyle.css)</style>", "</head>", "<body>", "<header>",
            #"<h1>Switchboard conformance <span class="verdict \#(verdict)">\#(verdict.uppercased())</span></h1>"#,
            "<p class=\"meta\">\(Markup.escape(report.baseURL)) · selection: \(Markup.escape(report.selection)) · "
                + "started \(ISO8601DateFormatter().string(from: report.startedAt)) · \(report.duration.readable) · "
                + "\(counts.passed) passed, \(counts.failed) failed, \(counts.skipped) skipped</p>",
            "</header>", "<main>",
        ]
        html += summary(report)
        html += coverage(report)
        html += failures(report)
        html += results(report)
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    static func summary(_ report: RunReport) -> [String] {
        var rows = [
            "<section>", "<h2>By surface</h2>", #"<table class="summary">"#,
            "<thead><tr><th>Surface</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Endpoints</th>"
                + "<th>Without contract</th></tr></thead>", "<tbody>",
        ]
        for tally in report.surfaces {
            rows.append(
                "<tr><th>\(Markup.escape(tally.surface))</th><td class=\"num\">\(tally.passed)</td>"
                    + "<td class=\"num\(tally.failed > 0 ? " bad" : "")\">\(tally.failed)</td>"
                    + "<td class=\"num\">\(tally.skipped)</td><td class=\"num\">\(tally.endpoints)</td>"
                    + "<td class=\"num\(tally.endpointsWithoutContract > 0 ? " bad" : "")\">"
                    + "\(tally.endpointsWithoutContract)</td></tr>"
            )
        }
        return rows + ["</tbody>", "</table>", "</section>"]
    }

    static func coverage(_ report: RunReport) -> [String] {
        guard !report.coverage.isEmpty else { return [] }
        var html = [
            "<section>", "<h2>Coverage: endpoints × documented status codes</h2>", #"<p class="legend">"#,
            #"<span class="cell passed">✓</span> a case passed "#,
            #"<span class="cell failed">✗</span> a case failed "#,
            #"<span class="cell missing">–</span> documented, no case "#,
            #"<span class="cell skipped">s</span> only skipped cases "#,
            #"<span class="cell undocumented">+</span> a passing case for a status the seed does not list</p>"#,
        ]
        let surfaces = report.coverage.map(\.endpoint.surface).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for surface in surfaces {
            let entries = report.coverage.filter { $0.endpoint.surface == surface }
            let codes = Set(entries.flatMap { $0.statuses.map(\.code) }).sorted()
            html.append("<h3>\(Markup.escape(surface))</h3>")
            html.append(#"<table class="coverage">"#)
            html.append(
                "<thead><tr><th>Endpoint</th><th>Seed and section</th><th>Contract</th>"
                    + codes.map { "<th class=\"code\">\($0)</th>" }.joined() + "</tr></thead>")
            html.append("<tbody>")
            for entry in entries {
                let endpoint = entry.endpoint
                var row = "<tr\(entry.contract == nil ? #" class="nocontract""# : "")>"
                let method = "<span class=\"method \(endpoint.method.lowercased())\">\(endpoint.method)</span>"
                row +=
                    "<td class=\"endpoint\">\(method) <code>\(Markup.escape(endpoint.path))</code>"
                    + "<div class=\"id\">\(Markup.escape(endpoint.id))</div></td>"
                row +=
                    "<td class=\"section\">\(Markup.escape(endpoint.seed)) · "
                    + "\(Markup.escape(endpoint.section))</td>"
                row +=
                    entry.contract.map { "<td class=\"contract\">\(Markup.escape($0))</td>" }
                    ?? #"<td class="contract bad">no contract</td>"#
                for code in codes { row += cell(entry.statuses.first { $0.code == code }) }
                html.append(row + "</tr>")
            }
            html += ["</tbody>", "</table>"]
        }
        return html + ["</section>"]
    }

    static func cell(_ status: StatusCoverage?) -> String {
        guard let status else { return #"<td class="cell none"></td>"# }
        let title =
            "\(status.code): \(status.passed) passed, \(status.failed) failed, \(status.skipped) skipped"
            + (status.documented ? "" : " (not documented)")
        let mark: String
        switch status.state {
        case "passed": mark = "✓"
        case "failed": mark = "✗"
        case "skipped": mark = "s"
        case "undocumented": mark = "+"
        default: mark = "–"
        }
        return "<td class=\"cell \(status.state)\" title=\"\(Markup.escape(title))\">\(mark)</td>"
    }

    static func failures(_ report: RunReport) -> [String] {
        let failed = report.results.filter { $0.outcome == .failed }
        guard !failed.isEmpty else { return [] }
        var html = ["<section>", "<h2>Failures (\(failed.count))</h2>"]
        for result in failed {
            html.append(
                "<details open><summary><span class=\"bad\">✗</span> \(Markup.escape(result.id)) "
                    + "<span class=\"file\">\(Markup.escape(result.file))</span></summary>")
            html.append(
                "<ul class=\"mismatches\">"
                    + result.mismatches.map { "<li>\(Markup.escape($0.description))</li>" }.joined()
                    + "</ul>")
            html.append("<pre>\(Markup.escape(FailureText.exchange(result).joined(separator: "\n")))</pre>")
            html.append("</details>")
        }
        return html + ["</section>"]
    }

    static func results(_ report: RunReport) -> [String] {
        var html = [
            "<section>", "<h2>All results (\(report.results.count))</h2>", #"<table class="results">"#,
            "<thead><tr><th>Result</th><th>Case or scenario</th><th>Expects</th><th>Time</th></tr></thead>", "<tbody>",
        ]
        for result in report.results {
            let reason = result.skipReason.map { " <em>(\(Markup.escape($0)))</em>" } ?? ""
            html.append(
                "<tr><td class=\"outcome \(result.outcome.rawValue)\">\(result.outcome.rawValue)</td>"
                    + "<td>\(Markup.escape(result.id))\(reason)</td>"
                    + "<td class=\"num\">\(result.expectedStatus.map(String.init) ?? "")</td>"
                    + "<td class=\"num\">\(result.duration.readable)</td></tr>")
        }
        return html + ["</tbody>", "</table>", "</section>"]
    }
}
