/// A command-line usage mistake: printed as one line, exit status 64 (EX_USAGE).
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Flags of one subcommand: `--name value`, `--name=value` and boolean `--name`, read from the command
/// line first, then from a `SWITCHBOARD_*` environment variable, then a default.
struct CommandLineArguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    private let environment: [String: String]

    /// Parses `arguments` against the options the command declares; unknown options are usage errors.
    init(_ arguments: [String], options: [OptionSpec], environment: [String: String]) throws {
        self.environment = environment
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw UsageError("unexpected argument '\(argument)'")
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'")
            }
            if spec.takesValue {
                if let inline {
                    values[name] = inline
                } else {
                    index += 1
                    guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                        throw UsageError("option '--\(name)' needs a value")
                    }
                    values[name] = arguments[index]
                }
            } else {
                guard inline == nil else { throw UsageError("option '--\(name)' takes no value") }
                flags.insert(name)
            }
            index += 1
        }
    }

    /// The option's value from the command line, else its environment variable, else nil.
    func value(_ spec: OptionSpec) -> String? {
        values[spec.name] ?? spec.environmentVariable.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a boolean option was given (or its environment variable is `1`/`true`).
    func isSet(_ spec: OptionSpec) -> Bool {
        flags.contains(spec.name) || spec.environmentVariable.map { ["1", "true", "yes"].contains(environment[$0] ?? "") } ?? false
    }

    /// The option as an integer in a range, or a usage error naming where the bad value came from.
    func integer(_ spec: OptionSpec, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = value(spec) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            let source = values[spec.name] != nil ? "--\(spec.name)" : spec.environmentVariable ?? spec.name
            throw UsageError("\(source) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }
}

/// One option a subcommand accepts.
struct OptionSpec {
    let name: String
    let valueName: String?
    let environmentVariable: String?
    let help: String

    var takesValue: Bool { valueName != nil }

    /// The help line for this option.
    var helpLine: String {
        var left = "--\(name)" + (valueName.map { " \($0)" } ?? "")
        left = left.padding(toLength: max(left.count, 26), withPad: " ", startingAt: 0)
        let env = environmentVariable.map { " [env: \($0)]" } ?? ""
        return "  \(left) \(help)\(env)"
    }
}
