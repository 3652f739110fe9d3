/// One endpoint a seed documents, from `Contracts/endpoints.json`.
public struct ManifestEndpoint: Sendable, Hashable {
    /// `<seed>.<slug>`, e.g. `000.list-services`.
    public var id: String
    /// The method.
    public var method: String
    /// The path template.
    public var path: String
    /// `000`…`004`, or `switchboard`.
    public var seed: String
    /// The seed's heading.
    public var section: String
    /// The surface name reports group by.
    public var surface: String
    /// The status codes the seed documents for it, ascending.
    public var statuses: [Int]
    /// Where the statuses come from, when the seed does not state them next to the endpoint.
    public var notes: String?

    /// Creates an endpoint.
    public init(
        id: String, method: String, path: String, seed: String, section: String, surface: String,
        statuses: [Int], notes: String? = nil
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.seed = seed
        self.section = section
        self.surface = surface
        self.statuses = statuses.sorted()
        self.notes = notes
    }

    /// `GET /path`.
    public var label: String { "\(method) \(path)" }
}

/// Every documented endpoint, in manifest order.
public struct Manifest: Sendable {
    /// The endpoints.
    public var endpoints: [ManifestEndpoint]

    /// Creates a manifest.
    public init(endpoints: [ManifestEndpoint]) {
        self.endpoints = endpoints
    }

    /// The endpoint with this method and path template, if listed.
    public func endpoint(method: String, path: String) -> ManifestEndpoint? {
        endpoints.first { $0.method == method && $0.path == path }
    }
}
