extension HTTPClient {
    /// Settings shared by every request a client sends; a request may override the timeouts and redirects.
    public struct Configuration: Sendable {
        /// How servers are authenticated.
        public var tls: TLSConfiguration
        /// Whether 3xx responses are followed; by default they are returned as they are.
        public var redirects: RedirectPolicy
        /// The longest wait for a TCP (and TLS) connection; nil leaves curl's default of 300 s.
        public var connectTimeout: Duration?
        /// The longest a whole exchange may take, body included; nil for none (streams can last long).
        public var timeout: Duration?
        /// The longest a transfer may go without receiving or sending a byte (whole seconds); nil for none.
        public var idleTimeout: Duration?
        /// Response bytes buffered for a lagging reader before the transfer is paused (backpressure).
        public var responseBufferLimit: Int
        /// Request bytes of a streamed upload buffered ahead of curl.
        public var uploadBufferLimit: Int
        /// Idle keep-alive connections kept in the shared connection cache.
        public var maxIdleConnections: Int
        /// Which proxy requests go through.
        public var proxy: Proxy

        /// A configuration; the defaults verify TLS peers, do not follow redirects and pause past 1 MiB.
        public init(
            tls: TLSConfiguration = .init(),
            redirects: RedirectPolicy = .none,
            connectTimeout: Duration? = .seconds(10),
            timeout: Duration? = nil,
            idleTimeout: Duration? = nil,
            responseBufferLimit: Int = 1 << 20,
            uploadBufferLimit: Int = 1 << 20,
            maxIdleConnections: Int = 32,
            proxy: Proxy = .environment
        ) {
            self.tls = tls
            self.redirects = redirects
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.idleTimeout = idleTimeout
            self.responseBufferLimit = max(1, responseBufferLimit)
            self.uploadBufferLimit = max(1, uploadBufferLimit)
            self.maxIdleConnections = max(1, maxIdleConnections)
            self.proxy = proxy
        }
    }

    /// How HTTPS servers are authenticated (curl with OpenSSL).
    public struct TLSConfiguration: Sendable {
        /// A PEM file of trusted CA certificates replacing the system bundle, or nil for the system's.
        public var caBundlePath: String?
        /// Whether the server's certificate chain and host name are checked; turn off only in tests.
        public var verifiesPeer: Bool

        /// Peers verified against the system CA bundle, or against the given PEM file.
        public init(caBundlePath: String? = nil, verifiesPeer: Bool = true) {
            self.caBundlePath = caBundlePath
            self.verifiesPeer = verifiesPeer
        }

        /// No certificate checks at all: for tests against self-signed servers only.
        public static let insecureForTesting = TLSConfiguration(verifiesPeer: false)
    }

    /// Whether redirects are followed (the gateway passes 3xx through, so the default is not to).
    public enum RedirectPolicy: Sendable, Equatable {
        /// 3xx responses are returned to the caller.
        case none
        /// Up to `max` redirects are followed; one more fails with `.tooManyRedirects`.
        case follow(max: Int)
    }

    /// Where requests go: directly, through the proxy the environment names, or through a given proxy.
    public enum Proxy: Sendable, Equatable {
        /// curl's rule: `http_proxy`, `https_proxy` and `no_proxy` from the environment.
        case environment
        /// Always connect directly, whatever the environment says.
        case none
        /// Through the proxy at this URL.
        case url(String)
    }
}
