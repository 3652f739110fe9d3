import Foundation
import HTTPCore
import HTTPServer

/// `switchboard bench http`: Switchboard's HTTP server against nginx on `GET /healthz`, both on loopback, measured
/// by wrk with the same settings. Speed is measured here, not in timed tests; CI does not run it.
enum BenchCommand: Subcommand {
    static let name = "bench http"
    static let summary = "Benchmark the HTTP server against nginx on GET /healthz with wrk (loopback only)."

    static let duration = OptionSpec(
        name: "duration", valueName: "SECONDS", environmentVariable: "SWITCHBOARD_BENCH_DURATION",
        help: "Length of each measured wrk run. Default 10.")
    static let warmup = OptionSpec(
        name: "warmup", valueName: "SECONDS", environmentVariable: "SWITCHBOARD_BENCH_WARMUP",
        help: "Length of the unmeasured wrk run before each target's; 0 skips it. Default 3.")
    static let connections = OptionSpec(
        name: "connections", valueName: "N", environmentVariable: "SWITCHBOARD_BENCH_CONNECTIONS",
        help: "Open keep-alive connections (wrk -c). Default 64.")
    static let threads = OptionSpec(
        name: "threads", valueName: "N", environmentVariable: "SWITCHBOARD_BENCH_THREADS",
        help: "wrk threads (wrk -t). Default 2.")
    static let loops = OptionSpec(
        name: "loops", valueName: "N", environmentVariable: "SWITCHBOARD_BENCH_LOOPS",
        help: "Server event loops, and nginx worker processes. Default: the number of cores.")
    static let options = [duration, warmup, connections, threads, loops]

    /// Exactly what the gateway's `/healthz` answers.
    static let healthBody = #"{"status":"ok"}"#
    static let healthContentType = "application/json"

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let seconds = try arguments.integer(duration, default: 10, in: 1...3_600)
        let warmupSeconds = try arguments.integer(warmup, default: 3, in: 0...600)
        let connectionCount = try arguments.integer(connections, default: 64, in: 1...10_000)
        let threadCount = try arguments.integer(threads, default: 2, in: 1...64)
        let loopCount = try arguments.integer(loops, default: ProcessInfo.processInfo.activeProcessorCount, in: 1...64)
        guard connectionCount >= threadCount else {
            throw UsageError("--connections (\(connectionCount)) must be at least --threads (\(threadCount))")
        }
        guard let wrkPath = findExecutable("wrk") else { throw BenchError.missing("wrk", package: "wrk") }
        guard let nginxPath = findExecutable("nginx") else { throw BenchError.missing("nginx", package: "nginx") }

        let cleanup = BenchCleanup()
        cleanup.catchSignals()
        defer { cleanup.release() }

        let server = try startServer(loops: loopCount, cleanup: cleanup)
        let nginx = try BenchNginx(executable: nginxPath, port: try BenchProbe.freePort(), workers: loopCount,
                                   body: healthBody, contentType: healthContentType, cleanup: cleanup)
        try await nginx.start(cleanup: cleanup)
        let targets = [
            BenchTarget(name: "Switchboard", port: server.port ?? 0),
            BenchTarget(name: await nginx.version(cleanup: cleanup), port: nginx.port),
        ]
        for target in targets { try target.checkAnswer() }

        let wrk = BenchWrk(executable: wrkPath, threads: threadCount, connections: connectionCount)
        let settings = wrk.arguments(seconds: seconds, url: "").dropLast().joined(separator: " ")
        say("GET /healthz on 127.0.0.1, wrk \(settings), \(warmupSeconds) s warm-up each; \(loopCount) server loops"
            + " / nginx workers on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var results: [BenchWrk.Result] = []
        for target in targets {
            if warmupSeconds > 0 { _ = try await wrk.run(seconds: warmupSeconds, url: target.url, cleanup: cleanup) }
            let result = try await wrk.run(seconds: seconds, url: target.url, cleanup: cleanup)
            guard result.badResponses == 0 else {
                throw BenchError("\(target.name) answered \(result.badResponses) requests with a non-2xx status")
            }
            results.append(result)
        }
        say("")
        BenchTable(targets: targets, results: results).lines.forEach(say)
        return 0
    }

    /// Starts the in-process server on a free loopback port; `cleanup` shuts it down.
    static func startServer(loops: Int, cleanup: BenchCleanup) throws -> HTTPServer {
        var router = RouterBuilder()
        router.get("/healthz") { _ in .json(healthBody) }
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: loops,
                                                    log: { printError("switchboard bench http: server: \($0)") })
        let server = HTTPServer(configuration: configuration, responder: router.build())
        do {
            try server.start()
        } catch {
            throw BenchError("cannot start the server on 127.0.0.1: \(error)")
        }
        cleanup.add { server.shutdown(gracePeriod: .seconds(1)) }
        return server
    }
}

/// One server under load.
struct BenchTarget {
    let name: String
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/healthz" }

    /// Both targets must answer the same 200, body and content type, or the comparison means nothing.
    func checkAnswer() throws {
        let answer = try BenchProbe(port: port).get("/healthz")
        let expected = BenchProbe.Answer(status: 200, contentType: BenchCommand.healthContentType,
                                         body: Array(BenchCommand.healthBody.utf8))
        guard answer == expected else {
            throw BenchError("\(name) answered \(answer.status) \(answer.contentType ?? "-") "
                + "'\(String(decoding: answer.body, as: UTF8.self))' instead of 200 \(expected.contentType ?? "") "
                + "'\(BenchCommand.healthBody)'")
        }
    }
}

/// The printed comparison: one row per target, the ratio to the last target (nginx).
struct BenchTable {
    let targets: [BenchTarget]
    let results: [BenchWrk.Result]

    var lines: [String] {
        let baseline = results.last?.requestsPerSecond ?? 1
        var rows = [["target", "req/s", "p50", "p99", "vs nginx"]]
        for (target, result) in zip(targets, results) {
            rows.append([target.name, Self.grouped(result.requestsPerSecond),
                         Self.latency(result.percentiles[50] ?? 0), Self.latency(result.percentiles[99] ?? 0),
                         String(format: "%.2f×", result.requestsPerSecond / baseline)])
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
        return lines
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
