import Foundation

/// The load generator: `wrk --latency -tT -cC -dDs URL`, and what it reports.
struct BenchWrk {
    /// The figures `switchboard bench http` reads from one wrk run.
    struct Result {
        var requestsPerSecond: Double
        /// Latency percentiles in microseconds, keyed by percentile (50, 75, 90, 99).
        var percentiles: [Int: Double]
        var requests: Int
        /// wrk's "Socket errors" line, when it printed one.
        var socketErrors: String?
        /// Responses whose status was not 2xx or 3xx.
        var badResponses: Int
        /// The server's CPU time (user and system) per request during the run, in microseconds.
        var cpuMicrosPerRequest: Double?
    }

    let executable: String
    let threads: Int
    let connections: Int
    /// Request fields sent with every request (`-H`).
    var headers: [(name: String, value: String)] = []

    /// The arguments for one run of `seconds` against `url`.
    func arguments(seconds: Int, url: String) -> [String] {
        headers.flatMap { ["-H", "\($0.name): \($0.value)"] }
            + ["--latency", "-t\(threads)", "-c\(connections)", "-d\(seconds)s", url]
    }

    /// `-t2 -c64 -d10s`, for the printed summary.
    func settings(seconds: Int) -> String { "-t\(threads) -c\(connections) -d\(seconds)s" }

    /// Runs wrk once and parses its report; a failed run or an unreadable report is an error.
    func run(seconds: Int, url: String, cleanup: BenchCleanup) async throws -> Result {
        let (status, output) = try await runProgram(executable, arguments(seconds: seconds, url: url), cleanup: cleanup)
        guard status == 0, let result = Self.parse(output) else {
            let detail = output.split(separator: "\n").last.map(String.init) ?? "no output"
            throw BenchError("wrk failed against \(url) (exit status \(status)): \(detail)")
        }
        return result
    }

    /// Reads `Requests/sec:`, the `Latency Distribution` lines, the request count and the error lines.
    static func parse(_ output: String) -> Result? {
        var result = Result(requestsPerSecond: 0, percentiles: [:], requests: 0, socketErrors: nil, badResponses: 0)
        var inDistribution = false
        for line in output.split(separator: "\n") {
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let first = words.first else { continue }
            if line.contains("Latency Distribution") {
                inDistribution = true
            } else if inDistribution, first.hasSuffix("%"), words.count == 2,
                      let percentile = Double(first.dropLast()), let micros = microseconds(words[1]) {
                result.percentiles[Int(percentile)] = micros
            } else if first == "Requests/sec:", words.count == 2, let rate = Double(words[1]) {
                result.requestsPerSecond = rate
            } else if words.count >= 3, words[1] == "requests", words[2] == "in", let count = Int(first) {
                result.requests = count
                inDistribution = false
            } else if line.contains("Socket errors:") {
                result.socketErrors = line.trimmingCharacters(in: .whitespaces)
            } else if line.contains("Non-2xx or 3xx responses:"), let count = words.last.flatMap({ Int($0) }) {
                result.badResponses = count
            }
        }
        guard result.requestsPerSecond > 0, result.percentiles[50] != nil, result.percentiles[99] != nil else {
            return nil
        }
        return result
    }

    /// wrk's durations: `812.00us`, `1.20ms`, `2.01s`, `1.50m`.
    static func microseconds(_ text: Substring) -> Double? {
        let units: [(String, Double)] = [("us", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000), ("h", 3.6e9)]
        for (unit, scale) in units where text.hasSuffix(unit) {
            if let value = Double(text.dropLast(unit.count)) { return value * scale }
        }
        return nil
    }
}
