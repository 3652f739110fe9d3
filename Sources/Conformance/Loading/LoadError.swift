/// A contract, scenario, manifest or profile that cannot be used: the file, the field and what is wrong.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the loader was given it (e.g. `Contracts/ai-proxy/list-services.json`).
    public let file: String
    /// A JSON Pointer (RFC 6901) to the field; `""` for the whole document.
    public let field: String
    /// What is wrong, for people.
    public let message: String

    /// Creates an error.
    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    /// `file: /field: message`, or `file: message` for the whole document.
    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): \(field): \(message)"
    }
}

/// Every problem found while loading a suite, so one run reports them all.
public struct SuiteLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public let errors: [LoadError]

    /// Creates the error from its problems.
    public init(_ errors: [LoadError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String {
        (["\(errors.count) problem\(errors.count == 1 ? "" : "s") in the contracts and scenarios:"]
            + errors.map { "  " + $0.description }).joined(separator: "\n")
    }
}
