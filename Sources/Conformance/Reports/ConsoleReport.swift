import Foundation

/// The report a person reads in a terminal: a table per surface, endpoint coverage, and each failure with its
/// request, its response and what differed.
public enum ConsoleReport {
    /// The whole report; `color` adds ANSI colors.
    public static func render(_ report: RunReport, color: Bool = false) -> String {
        let paint = Paint(enabled: color)
        let counts = report.counts
        var lines = [
            "Switchboard verify: \(report.baseURL) (\(report.selection)), \(report.results.count) cases and scenarios "
                + "in \(report.duration.readable)", "",
        ]
        lines += table(report)
        lines.append("")
        lines += coverage(report, paint)
        for result in report.results where result.outcome == .failed {
            lines += ["", paint.red("✗ \(result.id)") + "  (\(result.file))"]
            lines += FailureText.mismatches(result).map { "    " + $0 }
            lines += FailureText.exchange(result).map { "    " + $0 }
        }
        let skipped = report.results.filter { $0.outcome == .skipped }
        if !skipped.isEmpty {
            lines += ["", "Skipped:"] + skipped.map { "  - \($0.id): \($0.skipReason ?? "")" }
        }
        let verdict = report.passed ? paint.green("PASSED") : paint.red("FAILED")
        lines += [
            "",
            "\(verdict): \(counts.passed) passed, \(counts.failed) failed, \(counts.skipped) skipped; "
                + "\(report.coverage.count - report.endpointsWithoutContract.count) of \(report.coverage.count) "
                + "selected endpoints have a contract.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The per-surface table.
    static func table(_ report: RunReport) -> [String] {
        let header = ["surface", "passed", "failed", "skipped", "endpoints", "no contract"]
        var rows = report.surfaces.map {
            [
                $0.surface, "\($0.passed)", "\($0.failed)", "\($0.skipped)", "\($0.endpoints)",
                "\($0.endpointsWithoutContract)",
            ]
        }
        let total = report.surfaces.reduce(into: [0, 0, 0, 0, 0]) { sums, tally in
            sums[0] += tally.passed
            sums[1] += tally.failed
            sums[2] += tally.skipped
            sums[3] += tally.endpoints
            sums[4] += tally.endpointsWithoutContract
        }
        rows.append(["total"] + total.map(String.init))
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return [line(header), String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))]
            + rows.map(line)
    }

    /// One line per selected endpoint: its statuses, each marked passed ✓, failed ✗, skipped s, no case –,
    /// or + for a passing case of a status the seed does not document.
    static func coverage(_ report: RunReport, _ paint: Paint) -> [String] {
        guard !report.coverage.isEmpty else { return [] }
        var lines = ["Coverage (✓ passed, ✗ failed, s skipped, – documented but no case, + undocumented status):"]
        let width = report.coverage.map(\.endpoint.id.count).max() ?? 0
        for entry in report.coverage {
            let marks = entry.statuses.map { status -> String in
                switch status.state {
                case "passed": return paint.green("\(status.code)✓")
                case "failed": return paint.red("\(status.code)✗")
                case "skipped": return "\(status.code)s"
                case "undocumented": return "\(status.code)+"
                default: return paint.yellow("\(status.code)–")
                }
            }.joined(separator: " ")
            let id = entry.endpoint.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let contract = entry.contract == nil ? paint.red("  NO CONTRACT") : ""
            lines.append("  \(id)  \(marks)\(contract)  \(entry.endpoint.label)")
        }
        return lines
    }
}

/// ANSI colors, when wanted.
struct Paint {
    let enabled: Bool
    func red(_ text: String) -> String { wrap(text, 31) }
    func green(_ text: String) -> String { wrap(text, 32) }
    func yellow(_ text: String) -> String { wrap(text, 33) }
    private func wrap(_ text: String, _ code: Int) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}
