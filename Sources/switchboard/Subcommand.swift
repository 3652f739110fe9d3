/// A `switchboard` subcommand: its name, its help, and what it does.
protocol Subcommand {
    static var name: String { get }
    static var summary: String { get }
    static var options: [OptionSpec] { get }
    /// Runs the command; returns the process exit status.
    @MainActor static func run(_ arguments: CommandLineArguments) async throws -> Int32
}

extension Subcommand {
    /// The `--help` text.
    static var help: String {
        var lines = ["\(summary)", "", "Usage: switchboard \(name) [options]", "", "Options:"]
        lines += options.map(\.helpLine)
        lines.append("  --help                     Show this help.")
        return lines.joined(separator: "\n")
    }
}
