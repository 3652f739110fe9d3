/// Parameters for one statement: positional (`?`, `?NNN`) or named (`:name`, `@name`, `$name`).
///
/// Write them as literals: `[1, "ada", nil]` binds by position, `["id": 1, "name": "ada"]` by name
/// (a key without a prefix matches `:key`, `@key` or `$key`). Every parameter of the statement must be
/// bound exactly once; a mismatch is an error rather than a silent NULL.
public struct Bindings: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        case positional([SQLValue])
        case named([String: SQLValue])
    }

    let storage: Storage

    /// Binds values to parameters 1, 2, 3… in order.
    public static func positional(_ values: [SQLValue]) -> Bindings {
        Bindings(storage: .positional(values))
    }

    /// Binds values to parameters by name.
    public static func named(_ values: [String: SQLValue]) -> Bindings {
        Bindings(storage: .named(values))
    }

    /// No parameters.
    public static let none = Bindings(storage: .positional([]))

    /// How many values are supplied.
    public var count: Int {
        switch storage {
        case .positional(let values): values.count
        case .named(let values): values.count
        }
    }
}

extension Bindings: ExpressibleByArrayLiteral {
    /// An array literal binds by position.
    public init(arrayLiteral elements: SQLValue...) {
        storage = .positional(elements)
    }
}

extension Bindings: ExpressibleByDictionaryLiteral {
    /// A dictionary literal binds by name; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, SQLValue)...) {
        storage = .named(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension Bindings: CustomStringConvertible {
    /// Parameter positions or names with redacted values (see `SQLValue.description`).
    public var description: String {
        switch storage {
        case .positional(let values): "\(values)"
        case .named(let values): "\(values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })"
        }
    }
}
