import HTTPCore

/// A request handler registered on a route.
public typealias RouteHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// A handler that never suspends (a health check, a fixed answer): called inline on the event loop.
public typealias ImmediateRouteHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

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

    /// Registers a handler that never suspends. Without middleware in its group it is answered inline on the
    /// event loop (no task, no thread hop); under middleware it runs behind the middleware like any handler.
    public mutating func immediate(_ method: HTTPMethod, _ template: String, _ handler: @escaping ImmediateRouteHandler) {
        let responder: any HTTPResponder = middleware.isEmpty
            ? ImmediateClosureResponder(handler)
            : middleware.wrapping(ClosureResponder { try handler($0) })
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
        var exact: [ExactRoute: any HTTPResponder] = [:]
        for route in routes {
            root.insert(route)
            for path in route.template.exactPaths { exact[ExactRoute(method: route.method, path: path)] = route.responder }
        }
        return Router(exact: exact, root: root.frozen(), fallback: fallback)
    }
}

/// Why the router could not dispatch a request.
public enum RouteMiss: Sendable, Equatable {
    case notFound
    case methodNotAllowed(allowed: [HTTPMethod])
}

/// A route without parameters, found by one dictionary lookup of the method and the raw path.
struct ExactRoute: Hashable, Sendable {
    let method: HTTPMethod
    let path: String
}

/// An immutable router: matches the path, captures parameters, dispatches by method.
///
/// Routes without parameters are also kept in one dictionary keyed by method and path, tried first: the trie
/// would reach the same handler (it prefers literal segments), so the answer is the same, only cheaper.
public struct Router: HTTPResponder {
    let exact: [ExactRoute: any HTTPResponder]
    let root: FrozenRouteNode
    let fallback: @Sendable (HTTPRequest, RouteMiss) -> HTTPResponse

    /// Where a request goes: a responder, or an answer.
    enum Resolution {
        case route(any HTTPResponder)
        case answer(HTTPResponse)
    }

    public func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        switch resolve(&request) {
        case .route(let responder): return try await responder.respond(to: request)
        case .answer(let response): return response
        }
    }

    /// Resolves the route without suspending, then answers inline when the route's responder can.
    public func respondImmediately(to request: HTTPRequest) throws -> ImmediateResponse {
        if let responder = exact[ExactRoute(method: request.method, path: request.path)] {
            // The common case needs no copy of the request (no path parameters to fill in).
            let immediate = try responder.respondImmediately(to: request)
            if case .unavailable = immediate { return .deferred { try await responder.respond(to: request) } }
            return immediate
        }
        var request = request
        switch resolve(&request) {
        case .answer(let response):
            return .response(response)
        case .route(let responder):
            let immediate = try responder.respondImmediately(to: request)
            if case .unavailable = immediate {
                let routed = request
                return .deferred { try await responder.respond(to: routed) }
            }
            return immediate
        }
    }

    /// Finds the responder, filling in the request's path parameters, or the answer for a miss.
    func resolve(_ request: inout HTTPRequest) -> Resolution {
        if let responder = exact[ExactRoute(method: request.method, path: request.path)] {
            return .route(responder)
        }
        let segments = RouteTemplate.split(request.path)
        var captured: [(String, String)] = []
        guard let node = root.match(segments[...], captured: &captured) else {
            return .answer(fallback(request, .notFound))
        }
        for (name, value) in captured { request.pathParameters[name] = FormURLEncoding.percentDecode(value) }
        if let responder = node.handlers[request.method] {
            return .route(responder)
        }
        if request.method == .head, let responder = node.handlers[.get] {
            return .route(responder)
        }
        var allowed = node.handlers.keys.sorted { $0.rawValue < $1.rawValue }
        if node.handlers[.get] != nil && node.handlers[.head] == nil { allowed.append(.head) }
        if request.method == .options {
            let allow = (allowed + [.options]).map(\.rawValue).joined(separator: ", ")
            return .answer(HTTPResponse(status: .noContent, headers: ["Allow": allow]))
        }
        var response = fallback(request, .methodNotAllowed(allowed: allowed))
        response.headers.replaceOrAdd(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
        return .answer(response)
    }

    /// `{"error": "Not Found"}` with 404, or `{"error": "Method Not Allowed"}` with 405.
    public static let defaultMiss: @Sendable (HTTPRequest, RouteMiss) -> HTTPResponse = { _, miss in
        switch miss {
        case .notFound: return .json(#"{"error":"Not Found"}"#, status: .notFound)
        case .methodNotAllowed: return .json(#"{"error":"Method Not Allowed"}"#, status: .methodNotAllowed)
        }
    }
}
