import Foundation

/// What one `switchboard bench …` action compares: a request, the in-process server that answers it, and nginx
/// serving the same answer from a static file. `BenchRun` does the rest, the same way for every action.
struct BenchPlan {
    /// The command's name, for messages (`bench http`).
    let command: String
    /// The request path, e.g. `/healthz`.
    let path: String
    /// Extra request fields wrk and the probe send (`Authorization`, say).
    let requestHeaders: [(name: String, value: String)]
    /// The answer Switchboard must give (status 200 and these bytes), or nil to take whatever 200 it gives.
    let expectedBody: [UInt8]?
    /// Response fields nginx repeats (besides Content-Type) when Switchboard sends them.
    let repeatedHeaders: [String]
    /// Starts Switchboard's side on a free loopback port with `loops` event loops; `cleanup` stops it.
    let start: @MainActor (_ loops: Int, _ cleanup: BenchCleanup) async throws -> Int
}

/// The options every bench action takes.
enum BenchOptions {
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
    static let rounds = OptionSpec(
        name: "rounds", valueName: "N", environmentVariable: "SWITCHBOARD_BENCH_ROUNDS",
        help: "Measured runs per target, alternating targets; the table shows each target's median. Default 1.")
    static let serveOnly = OptionSpec(
        name: "serve-only", valueName: nil, environmentVariable: "SWITCHBOARD_BENCH_SERVE_ONLY",
        help: "Start only Switchboard's side, print its URL and serve until interrupted (for profilers).")
    static let all = [duration, warmup, connections, threads, loops, rounds, serveOnly]
}

/// Runs one bench plan: starts both servers, checks they answer alike, drives each with wrk, prints the table.
enum BenchRun {
    @MainActor
    static func run(_ plan: BenchPlan, _ arguments: CommandLineArguments) async throws -> Int32 {
        let seconds = try arguments.integer(BenchOptions.duration, default: 10, in: 1...3_600)
        let warmupSeconds = try arguments.integer(BenchOptions.warmup, default: 3, in: 0...600)
        let connectionCount = try arguments.integer(BenchOptions.connections, default: 64, in: 1...10_000)
        let threadCount = try arguments.integer(BenchOptions.threads, default: 2, in: 1...64)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let loopCount = try arguments.integer(BenchOptions.loops, default: cores, in: 1...64)
        let roundCount = try arguments.integer(BenchOptions.rounds, default: 1, in: 1...100)
        guard connectionCount >= threadCount else {
            throw UsageError("--connections (\(connectionCount)) must be at least --threads (\(threadCount))")
        }
        let serveOnly = arguments.isSet(BenchOptions.serveOnly)
        let wrkPath = findExecutable("wrk")
        let nginxPath = findExecutable("nginx")
        if !serveOnly {
            guard wrkPath != nil else { throw BenchError.missing("wrk", package: "wrk") }
            guard nginxPath != nil else { throw BenchError.missing("nginx", package: "nginx") }
        }

        let cleanup = BenchCleanup(command: plan.command)
        cleanup.catchSignals()
        defer { cleanup.release() }

        let port = try await plan.start(loopCount, cleanup)
        let answer = try BenchProbe(port: port).get(plan.path, headers: plan.requestHeaders)
        try check(answer, from: "Switchboard", plan: plan)
        if serveOnly {
            say("Serving \(plan.path) on http://127.0.0.1:\(port) with \(loopCount) loops; stop with Ctrl-C")
            // Blocks the main thread rather than letting it idle in libdispatch's sigsuspend, which valgrind 3.19's
            // callgrind crashes on; the signal thread stops the server and exits.
            while true { sleep(3_600) }
        }
        guard let wrkPath, let nginxPath else { return 1 }
        let extraHeaders = plan.repeatedHeaders.compactMap { name in answer.headers[name.lowercased()].map { (name, $0) } }
        let site = BenchNginx.Site(path: plan.path, body: answer.body, contentType: answer.contentType ?? "",
                                   headers: extraHeaders)
        let nginx = try BenchNginx(executable: nginxPath, port: try BenchProbe.freePort(), workers: loopCount,
                                   site: site, cleanup: cleanup)
        let nginxPID = try await nginx.start(cleanup: cleanup)
        let nginxName = await nginx.version()
        let nginxAnswer = try BenchProbe(port: nginx.port).get(plan.path, headers: plan.requestHeaders)
        guard nginxAnswer.sameContent(as: answer, headers: extraHeaders.map(\.0)) else {
            throw BenchError("\(nginxName) answered \(nginxAnswer.summary) instead of \(answer.summary)")
        }
        let targets = [BenchTarget(name: "Switchboard", port: port, cpu: BenchCPU(pid: getpid(), withChildren: false)),
                       BenchTarget(name: nginxName, port: nginx.port, cpu: BenchCPU(pid: nginxPID, withChildren: true))]

        let wrk = BenchWrk(executable: wrkPath, threads: threadCount, connections: connectionCount,
                           headers: plan.requestHeaders)
        let settings = wrk.settings(seconds: seconds)
        let headerNote = plan.requestHeaders.isEmpty ? "" : " (with \(plan.requestHeaders.map(\.name).joined(separator: ", ")))"
        say("GET \(plan.path)\(headerNote) on 127.0.0.1, \(answer.body.count)-byte body, wrk \(settings), "
            + "\(warmupSeconds) s warm-up each; \(loopCount) server loops / nginx workers on \(cores) cores"
            + (roundCount > 1 ? "; \(roundCount) rounds, medians shown" : ""))
        var rounds: [[BenchWrk.Result]] = []
        for _ in 0..<roundCount {
            var results: [BenchWrk.Result] = []
            for target in targets {
                let url = "http://127.0.0.1:\(target.port)\(plan.path)"
                if warmupSeconds > 0 { _ = try await wrk.run(seconds: warmupSeconds, url: url, cleanup: cleanup) }
                let cpuBefore = target.cpu.seconds()
                var result = try await wrk.run(seconds: seconds, url: url, cleanup: cleanup)
                if result.requests > 0 {
                    let used = target.cpu.seconds() - cpuBefore
                    result.cpuMicrosPerRequest = used * 1_000_000 / Double(result.requests)
                }
                guard result.badResponses == 0 else {
                    throw BenchError("\(target.name) answered \(result.badResponses) requests with a non-2xx status")
                }
                results.append(result)
            }
            rounds.append(results)
        }
        say("")
        BenchTable(targets: targets, rounds: rounds).lines.forEach(say)
        return 0
    }

    /// Switchboard must answer 200, with the expected bytes when the plan names them.
    private static func check(_ answer: BenchProbe.Answer, from name: String, plan: BenchPlan) throws {
        guard answer.status == 200, plan.expectedBody.map({ $0 == answer.body }) ?? !answer.body.isEmpty else {
            let expected = plan.expectedBody.map { "'\(String(decoding: $0, as: UTF8.self))'" } ?? "a body"
            throw BenchError("\(name) answered \(answer.summary) instead of 200 with \(expected)")
        }
    }
}

/// One server under load, and where its CPU time is read.
struct BenchTarget {
    let name: String
    let port: Int
    let cpu: BenchCPU
}
