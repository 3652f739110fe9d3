/// One request as handlers see it: head, body, where it came from and what middleware attached.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: HTTPBody
    /// Parameters captured from the route template (`{org}` → value), percent-decoded.
    public var pathParameters: [String: String]
    /// The peer's address as `ip:port`, when known.
    public var remoteAddress: String?
    /// Values attached by middleware.
    public var attributes: RequestAttributes

    public init(head: HTTPRequestHead, body: HTTPBody = .empty, remoteAddress: String? = nil) {
        self.head = head
        self.body = body
        self.pathParameters = [:]
        self.remoteAddress = remoteAddress
        self.attributes = RequestAttributes()
    }

    public var method: HTTPMethod { head.method }
    public var headers: HTTPHeaders { head.headers }
    public var path: String { head.path }

    /// The decoded query parameters, in order (`application/x-www-form-urlencoded` rules).
    public var queryItems: [(name: String, value: String)] { FormURLEncoding.decode(head.query ?? "") }

    /// The first value of a query parameter, or nil.
    public func query(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }

    /// The body bytes when they are in memory (the server collects request bodies), else empty.
    public var bodyBytes: [UInt8] { body.bytes ?? [] }
}
