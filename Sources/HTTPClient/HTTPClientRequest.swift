import HTTPCore

/// One outbound request: method, absolute URL, header fields in order, body and per-request limits.
public struct HTTPClientRequest: Sendable {
    public var method: HTTPMethod
    /// An absolute `http` or `https` URL, already percent-encoded.
    public var url: String
    /// Fields sent in this order after `Host`; framing and hop-by-hop fields are curl's and are dropped.
    public var headers: HTTPHeaders
    public var body: HTTPClientRequestBody
    /// Overrides the client's total timeout for this request.
    public var timeout: Duration?
    /// Overrides the client's connect timeout for this request.
    public var connectTimeout: Duration?
    /// Overrides the client's idle timeout for this request.
    public var idleTimeout: Duration?
    /// Overrides the client's redirect policy for this request.
    public var redirects: HTTPClient.RedirectPolicy?

    /// A request; nil limits fall back to the client's configuration.
    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: HTTPClientRequestBody = .none,
        timeout: Duration? = nil,
        connectTimeout: Duration? = nil,
        idleTimeout: Duration? = nil,
        redirects: HTTPClient.RedirectPolicy? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
        self.redirects = redirects
    }
}
