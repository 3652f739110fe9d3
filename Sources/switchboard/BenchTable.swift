import Foundation

/// The printed comparison: one row per target (its median run over the rounds), the ratio to the last target
/// (nginx), and with several rounds the ratio of each round.
struct BenchTable {
    let targets: [BenchTarget]
    /// Per round, one result per target.
    let rounds: [[BenchWrk.Result]]

    /// Each target's median run by requests per second.
    var results: [BenchWrk.Result] {
        targets.indices.map { index in
            let runs = rounds.map { $0[index] }.sorted { $0.requestsPerSecond < $1.requestsPerSecond }
            return runs[runs.count / 2]
        }
    }

    /// Each target's median CPU time per request over the rounds, in microseconds, when it was measured.
    var cpuPerRequest: [Double?] {
        targets.indices.map { index in
            let values = rounds.compactMap { $0[index].cpuMicrosPerRequest }.sorted()
            return values.isEmpty ? nil : values[values.count / 2]
        }
    }

    var lines: [String] {
        let results = self.results
        let cpu = cpuPerRequest
        let baseline = results.last?.requestsPerSecond ?? 1
        let cpuBaseline = cpu.last ?? nil
        var rows = [["target", "req/s", "p50", "p99", "vs nginx", "CPU/req", "nginx CPU ÷ CPU"]]
        for (index, (target, result)) in zip(targets, results).enumerated() {
            rows.append([target.name, Self.grouped(result.requestsPerSecond),
                         Self.latency(result.percentiles[50] ?? 0), Self.latency(result.percentiles[99] ?? 0),
                         String(format: "%.2f×", result.requestsPerSecond / baseline),
                         cpu[index].map { String(format: "%.2f µs", $0) } ?? "-",
                         Self.ratio(cpuBaseline, cpu[index])])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "   ")
        }
        for (target, result) in zip(targets, results) {
            if let errors = result.socketErrors { lines.append("\(target.name): \(errors)") }
        }
        if rounds.count > 1 {
            let ratios = rounds.map { round in
                String(format: "%.2f×", round[0].requestsPerSecond / (round.last?.requestsPerSecond ?? 1))
            }
            lines.append("ratio per round: " + ratios.joined(separator: " "))
            let cpuRatios = rounds.map { Self.ratio($0.last?.cpuMicrosPerRequest, $0[0].cpuMicrosPerRequest) }
            lines.append("CPU ratio per round: " + cpuRatios.joined(separator: " "))
        }
        return lines
    }

    /// `numerator ÷ denominator` as "1.23×", or "-" when either is missing or zero.
    static func ratio(_ numerator: Double?, _ denominator: Double?) -> String {
        guard let numerator, let denominator, denominator > 0 else { return "-" }
        return String(format: "%.2f×", numerator / denominator)
    }

    /// 123456.7 → "123,457".
    static func grouped(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// Microseconds as "812 µs" or "1.20 ms".
    static func latency(_ micros: Double) -> String {
        micros < 1_000 ? String(format: "%.0f µs", micros) : String(format: "%.2f ms", micros / 1_000)
    }
}
