import HTTPCore

/// A request handler registered on a route.
public typealias RouteHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// Collects routes (with per-group middleware), then freezes into an immutable `Router`.
public struct RouterBuilder: Sendable {
    struct Route: Sendable {
        let method: HTTPMethod
        let template: RouteTemplate
        let responder: any HTTPResponder
    }

    private(set) var routes: [Route] = []
    private let prefix: String
    private let middleware: [any HTTPMiddleware]

    public init() {
        prefix = ""
        middleware = []
    }

    private init(prefix: String, middleware: [any HTTPMiddleware]) {
        self.prefix = prefix
        self.middleware = middleware
    }

    /// Registers a handler for a method and path template (`{name}` captures a segment).
    public mutating func add(_ method: HTTPMethod, _ template: String, _ handler: @escaping RouteHandler) {
        let responder = middleware.wrapping(ClosureResponder(handler))
        routes.append(Route(method: method, template: RouteTemplate(prefix + template), responder: responder))
    }

    public mutating func get(_ template: String, _ handler: @escaping RouteHandler) { add(.get, template, handler) }
    public mutating func post(_ template: String, _ handler: @escaping RouteHandler) { add(.post, template, handler) }
    public mutating func put(_ template: String, _ handler: @escaping RouteHandler) { add(.put, template, handler) }
    public mutating func patch(_ template: String, _ handler: @escaping RouteHandler) { add(.patch, template, handler) }
    public mutating func delete(_ template: String, _ handler: @escaping RouteHandler) {
        add(.delete, template, handler)
    }

    /// Registers the routes `body` adds under a path prefix, behind extra middleware (outermost first).
    public mutating func group(
        _ prefix: String, middleware: [any HTTPMiddleware] = [], _ body: (inout RouterBuilder) -> Void
    ) {
        var child = RouterBuilder(prefix: self.prefix + prefix, middleware: self.middleware + middleware)
        body(&child)
        routes += child.routes
    }

    /// Freezes the routes. `fallback` answers unknown paths (404) and wrong methods (405, with `Allow`), so
    /// each surface can use its own error shape.
    public func build(fallback: @escaping @Sendable (HTTPRequest, RouteMiss) -> HTTPResponse = Router.defaultMiss)
        -> Router {
        let root = RouteNode()
        for route in routes { root.insert(route) }
        return Router(root: root.frozen(), fallback: fallback)
    }
}

/// Why the router could not dispatch a request.
public enum RouteMiss: Sendable, Equatable {
    case notFound
    case methodNotAllowed(allowed: [HTTPMethod])
}

/// An immutable router: matches the path, captures parameters, dispatches by method.
public struct Router: HTTPResponder {
    let root: FrozenRouteNode
    let fallback: @Sendable (HTTPRequest, RouteMiss) -> HTTPResponse

    public func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        let segments = RouteTemplate.split(request.path)
        var captured: [(String, String)] = []
        guard let node = root.match(segments[...], captured: &captured) else {
            return fallback(request, .notFound)
        }
        var request = request
        for (name, value) in captured { request.pathParameters[name] = FormURLEncoding.percentDecode(value) }
        if let responder = node.handlers[request.method] {
            return try await responder.respond(to: request)
        }
        if request.method == .head, let responder = node.handlers[.get] {
            return try await responder.respond(to: request)
        }
        var allowed = node.handlers.keys.sorted { $0.rawValue < $1.rawValue }
        if node.handlers[.get] != nil && node.handlers[.head] == nil { allowed.append(.head) }
        if request.method == .options {
            let allow = (allowed + [.options]).map(\.rawValue).joined(separator: ", ")
            return HTTPResponse(status: .noContent, headers: ["Allow": allow])
        }
        var response = fallback(request, .methodNotAllowed(allowed: allowed))
        response.headers.replaceOrAdd(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
        return response
    }

    /// `{"error": "Not Found"}` with 404, or `{"error": "Method Not Allowed"}` with 405.
    public static let defaultMiss: @Sendable (HTTPRequest, RouteMiss) -> HTTPResponse = { _, miss in
        switch miss {
        case .notFound: return .json(#"{"error":"Not Found"}"#, status: .notFound)
        case .methodNotAllowed: return .json(#"{"error":"Method Not Allowed"}"#, status: .methodNotAllowed)
        }
    }
}
