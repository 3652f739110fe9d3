import Foundation
import Gateway
import HTTPCore
import HTTPServer

/// `switchboard bench http`: Switchboard's HTTP server against nginx on `GET /healthz`, both on loopback, measured
/// by wrk with the same settings. Speed is measured here, not in timed tests; CI does not run it.
enum BenchCommand: Subcommand {
    static let name = "bench http"
    static let summary = "Benchmark the HTTP server against nginx on GET /healthz with wrk (loopback only)."
    static let options = BenchOptions.all

    @MainActor
    static func run(_ arguments: CommandLineArguments) async throws -> Int32 {
        let plan = BenchPlan(command: name, path: "/healthz", requestHeaders: [],
                             expectedBody: Array(GatewayApp.healthBody.utf8), repeatedHeaders: [], start: startServer)
        return try await BenchRun.run(plan, arguments)
    }

    /// Starts the in-process server on a free loopback port; `cleanup` shuts it down. `/healthz` never suspends,
    /// so it is registered as an immediate route, answered inline on the loop.
    @MainActor
    static func startServer(loops: Int, cleanup: BenchCleanup) throws -> Int {
        var router = RouterBuilder()
        let health = HTTPResponse.json(GatewayApp.healthBody)
        router.immediate(.get, "/healthz") { _ in health }
        return try startServer(router.build(), command: name, loops: loops, cleanup: cleanup)
    }

    /// Starts a server for `responder` on a free loopback port with `loops` event loops; `cleanup` shuts it down.
    static func startServer(_ responder: any HTTPResponder, command: String, loops: Int, cleanup: BenchCleanup) throws
        -> Int {
        let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: loops,
                                                    log: { printError("switchboard \(command): server: \($0)") })
        let server = HTTPServer(configuration: configuration, responder: responder)
        do {
            try server.start()
        } catch {
            throw BenchError("cannot start the server on 127.0.0.1: \(error)")
        }
        cleanup.add { server.shutdown(gracePeriod: .seconds(1)) }
        return server.port ?? 0
    }
}
