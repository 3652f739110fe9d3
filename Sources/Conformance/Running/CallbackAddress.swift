/// Where the webhook receiver listens, and the host an implementation under test is told to call
/// (`verify --callback-host`): loopback by default; a remote implementation needs this machine's address.
public struct CallbackAddress: Sendable, Equatable {
    /// The host in `{{webhookURL}}`.
    public var advertisedHost: String
    /// The address the receiver binds.
    public var listenHost: String
    /// The port; 0 lets the system choose.
    public var port: Int

    /// Loopback on a free port.
    public init() {
        self.init(advertisedHost: "127.0.0.1", listenHost: "127.0.0.1", port: 0)
    }

    /// A receiver that `advertisedHost` reaches; it listens on every interface unless `listenHost` says otherwise.
    public init(advertisedHost: String, listenHost: String? = nil, port: Int = 0) {
        self.advertisedHost = advertisedHost
        self.listenHost = listenHost ?? (advertisedHost.contains(":") ? "::" : "0.0.0.0")
        self.port = port
    }
}
