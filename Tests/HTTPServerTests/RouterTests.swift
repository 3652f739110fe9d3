import HTTPCore
import HTTPServer
import Testing

@Suite("Router")
struct RouterTests {
    static func makeRouter() -> Router {
        var builder = RouterBuilder()
        builder.get("/healthz") { _ in .text("ok") }
        builder.get("/api/orgs/{org}/services/") { request in .text("list \(request.pathParameters["org"] ?? "")") }
        builder.get("/api/orgs/{org}/services/{service}/") { request in
            .text("get \(request.pathParameters["service"] ?? "")")
        }
        builder.post("/api/orgs/{org}/services/{service}/{action}/") { request in
            .text("invoke \(request.pathParameters["service"] ?? "") \(request.pathParameters["action"] ?? "")")
        }
        builder.get("/api/orgs/{org}/services/special/") { _ in .text("literal wins") }
        builder.group("/v1", middleware: [Tagging(tag: "v1")]) { group in
            group.delete("/things/{id}") { request in .text("deleted \(request.pathParameters["id"] ?? "")") }
        }
        return builder.build()
    }

    struct Tagging: HTTPMiddleware {
        let tag: String
        func handle(_ request: HTTPRequest, next: any HTTPResponder) async throws -> HTTPResponse {
            var response = try await next.respond(to: request)
            response.headers.add(name: "X-Tag", value: tag)
            return response
        }
    }

    func call(_ method: HTTPMethod, _ target: String) async throws -> HTTPResponse {
        try await Self.makeRouter().respond(to: HTTPRequest(head: HTTPRequestHead(method: method, target: target)))
    }

    func text(_ response: HTTPResponse) -> String { String(decoding: response.body.bytes ?? [], as: UTF8.self) }

    @Test("templates match with and without the trailing slash, and capture decoded parameters")
    func matching() async throws {
        #expect(text(try await call(.get, "/api/orgs/acme/services/")) == "list acme")
        #expect(text(try await call(.get, "/api/orgs/acme/services")) == "list acme")
        #expect(text(try await call(.get, "/api/orgs/acme/services/eleven%20labs/")) == "get eleven labs")
        #expect(text(try await call(.post, "/api/orgs/a/services/heygen/generate?x=1")) == "invoke heygen generate")
        #expect(text(try await call(.get, "/api/orgs/a/services/special")) == "literal wins")
    }

    @Test("unknown paths get 404; known paths with the wrong method get 405 with Allow")
    func misses() async throws {
        #expect(try await call(.get, "/nope").status == .notFound)
        #expect(try await call(.get, "/api/orgs/a/services/x/y/z/w").status == .notFound)
        let wrong = try await call(.put, "/api/orgs/a/services/x/")
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers["Allow"] == "GET, HEAD")
        let options = try await call(.options, "/healthz")
        #expect(options.status == .noContent)
        #expect(options.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test("HEAD uses the GET handler; group middleware runs")
    func headAndGroups() async throws {
        #expect(try await call(.head, "/healthz").status == .ok)
        let deleted = try await call(.delete, "/v1/things/7")
        #expect(text(deleted) == "deleted 7")
        #expect(deleted.headers["X-Tag"] == "v1")
        #expect(try await call(.get, "/healthz").headers["X-Tag"] == nil)
    }
}
