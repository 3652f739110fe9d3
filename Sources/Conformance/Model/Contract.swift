/// The endpoint a contract checks, as the contract names it.
public struct EndpointReference: Sendable, Equatable {
    /// The method, e.g. `GET`.
    public var method: String
    /// The path template with `{param}` segments.
    public var path: String
    /// Other path templates that serve the same endpoint; cases without a concrete path run on each.
    public var aliases: [String]
    /// `000`…`004`, or `switchboard`.
    public var seed: String
    /// The seed's heading that documents the endpoint.
    public var section: String

    /// Creates a reference.
    public init(method: String, path: String, aliases: [String] = [], seed: String, section: String) {
        self.method = method
        self.path = path
        self.aliases = aliases
        self.seed = seed
        self.section = section
    }
}

/// A request sent before a case's own, whose response later strings capture as `{{steps.<id>.…}}`.
public struct SetupStep: Sendable {
    /// The step's id, unique within the case.
    public var id: String
    /// The request, with its own method and path.
    public var request: RequestTemplate
    /// What its response must be for the case to go on.
    public var expect: Expectation?
    /// Set when the step repeats its request until a condition holds (`until`), as a scenario's wait does.
    public var wait: WaitSpec?

    /// Creates a setup step.
    public init(id: String, request: RequestTemplate, expect: Expectation? = nil, wait: WaitSpec? = nil) {
        self.id = id
        self.request = request
        self.expect = expect
        self.wait = wait
    }
}

/// One case of a contract: a request and the response a conforming implementation gives.
public struct ContractCase: Sendable {
    /// The case's name, unique within the contract.
    public var name: String
    /// Labels for `--only` (the surface's name is added by the runner).
    public var tags: [String]
    /// Whether the case may run alongside others.
    public var concurrent: Bool
    /// Why the case is not run, if it is not.
    public var skip: String?
    /// Requests sent first.
    public var setup: [SetupStep]
    /// The request.
    public var request: RequestTemplate
    /// The response it must get; `status` is always set.
    public var expect: Expectation

    /// Creates a case.
    public init(
        name: String, tags: [String] = [], concurrent: Bool = true, skip: String? = nil, setup: [SetupStep] = [],
        request: RequestTemplate = RequestTemplate(), expect: Expectation
    ) {
        self.name = name
        self.tags = tags
        self.concurrent = concurrent
        self.skip = skip
        self.setup = setup
        self.request = request
        self.expect = expect
    }
}

/// A contract file: one documented endpoint and its cases.
public struct Contract: Sendable {
    /// The file's path under the contracts folder, without `.json` (e.g. `ai-proxy/list-services`).
    public var name: String
    /// The file, as the loader read it.
    public var file: String
    /// The endpoint.
    public var endpoint: EndpointReference
    /// The surface, from the manifest.
    public var surface: String
    /// Tags every case carries.
    public var tags: [String]
    /// Header fields every case sends unless it overrides them.
    public var defaultHeaders: [HeaderTemplate]
    /// Query parameters every case sends before its own.
    public var defaultQuery: [FormField]
    /// The cases, in file order.
    public var cases: [ContractCase]

    /// Creates a contract.
    public init(
        name: String, file: String, endpoint: EndpointReference, surface: String, tags: [String] = [],
        defaultHeaders: [HeaderTemplate] = [], defaultQuery: [FormField] = [], cases: [ContractCase]
    ) {
        self.name = name
        self.file = file
        self.endpoint = endpoint
        self.surface = surface
        self.tags = tags
        self.defaultHeaders = defaultHeaders
        self.defaultQuery = defaultQuery
        self.cases = cases
    }
}
