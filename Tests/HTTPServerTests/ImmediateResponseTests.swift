import Foundation
import HTTPCore
@testable import HTTPServer
import Testing

/// Routes that never suspend are answered inline on the loop; the answers are the same as through a task.
@Suite("Immediate responses and exact routes")
struct ImmediateResponseTests {
    static func makeRouter() -> Router {
        var builder = RouterBuilder()
        builder.immediate(.get, "/healthz") { _ in .json(#"{"status":"ok"}"#) }
        builder.immediate(.get, "/fail") { _ in throw Failure() }
        builder.get("/slow") { _ in
            try await Task.sleep(for: .milliseconds(20))
            return .text("slow")
        }
        builder.get("/items/{id}") { request in .text("item \(request.pathParameters["id"] ?? "")") }
        builder.immediate(.get, "/items/special") { _ in .text("special") }
        builder.group("/tagged", middleware: [Tagging()]) { group in
            group.immediate(.get, "/ping") { _ in .text("pong") }
        }
        return builder.build()
    }

    struct Failure: Error {}

    struct Tagging: HTTPMiddleware {
        func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
            var response = try await next.respond(to: request)
            response.headers.add(name: "X-Tag", value: "yes")
            return response
        }
    }

    func immediate(_ method: HTTPMethod, _ target: String) throws -> ImmediateResponse {
        try Self.makeRouter().respondImmediately(to: HTTPRequest(head: HTTPRequestHead(method: method, target: target)))
    }

    @Test("an immediate route answers without a task; a route that suspends, or sits behind middleware, is deferred")
    func kinds() throws {
        guard case .response(let health) = try immediate(.get, "/healthz?probe=1") else {
            Issue.record("/healthz was not answered immediately")
            return
        }
        #expect(health.body.bytes == Array(#"{"status":"ok"}"#.utf8))
        guard case .response(let missing) = try immediate(.get, "/nope") else {
            Issue.record("a 404 needs no task")
            return
        }
        #expect(missing.status == .notFound)
        for target in ["/slow", "/items/7", "/tagged/ping"] {
            guard case .deferred = try immediate(.get, target) else {
                Issue.record("\(target) should be deferred")
                continue
            }
        }
    }

    @Test("exact routes match with and without the trailing slash, a literal beats a parameter, HEAD uses GET")
    func exactRoutes() async throws {
        let router = Self.makeRouter()
        func text(_ method: HTTPMethod, _ target: String) async throws -> (HTTPStatus, String) {
            let response = try await router.respond(to: HTTPRequest(head: HTTPRequestHead(method: method, target: target)))
            return (response.status, String(decoding: response.body.bytes ?? [], as: UTF8.self))
        }
        #expect(try await text(.get, "/items/special/") == (.ok, "special"))
        #expect(try await text(.get, "/items/7") == (.ok, "item 7"))
        #expect(try await text(.head, "/healthz").0 == .ok)
        #expect(try await text(.post, "/healthz").0 == .methodNotAllowed)
        #expect(try await text(.get, "/tagged/ping") == (.ok, "pong"))
        let tagged = try await router.respond(to: HTTPRequest(head: HTTPRequestHead(method: .get, target: "/tagged/ping")))
        #expect(tagged.headers["X-Tag"] == "yes")
    }

    @Test("over a socket: pipelined immediate and suspending routes are answered in order; errors become 500")
    func pipelined() async throws {
        try await withServer(responder: Self.makeRouter()) { server in
            let port = try #require(server.port)
            let targets = ["/healthz", "/slow", "/healthz", "/fail", "/items/3", "/tagged/ping", "/nope"]
            let request = targets.map { "GET \($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined()
            let (responses, closed) = try await exchange(port: port, request, responses: targets.count)
            #expect(!closed)
            #expect(responses.map(\.status) == [200, 200, 200, 500, 200, 200, 404])
            guard responses.count == targets.count else { return }
            #expect(responses.map(\.bodyText)[1] == "slow")
            #expect(responses.map(\.bodyText)[4] == "item 3")
            #expect(responses[5].header("X-Tag") == "yes")
        }
    }
}
