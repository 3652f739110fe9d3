import Foundation

/// The subcommands, in the order `--help` lists them.
let subcommands: [any Subcommand.Type] = [
    ServeCommand.self, AdminCreateOrganization.self, AdminCreateKey.self, AdminCreateToken.self,
    AdminListOrganizations.self, AdminCreateProject.self, AdminCreateMember.self, AdminSetServiceKey.self,
    AdminSetPlatformKey.self, AdminRotateMasterKey.self, VerifyCommand.self, MockCommand.self, RecordCommand.self,
    BenchCommand.self, BenchMockCommand.self, SuiteBenchmarkCommand.self,
]

let usage = """
    Switchboard: an integration gateway, a mock upstream and a conformance runner.

    Usage: switchboard <command> [options]

    Commands:
    \(subcommands.map { "  \($0.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n"))

    Run 'switchboard <command> --help' for a command's options.
    """

/// Writes one line to standard output at once (print buffers when output is a pipe or a file).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Prints one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

@MainActor
func runMain() async -> Int32 {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first else {
        printError(usage)
        return 64
    }
    arguments.removeFirst()
    if ["--help", "-h", "help"].contains(name) {
        print(usage)
        return 0
    }
    var commandName = name
    if ["admin", "bench"].contains(name), let action = arguments.first, !action.hasPrefix("-") {
        commandName = "\(name) \(action)"
        arguments.removeFirst()
    }
    guard let command = subcommands.first(where: { $0.name == commandName }) else {
        printError("switchboard: unknown command '\(commandName)' (try 'switchboard --help')")
        return 64
    }
    if arguments.contains("--help") || arguments.contains("-h") {
        print(command.help)
        return 0
    }
    do {
        let parsed = try CommandLineArguments(arguments, options: command.options,
                                              environment: ProcessInfo.processInfo.environment)
        return try await command.run(parsed)
    } catch let error as UsageError {
        printError("switchboard \(commandName): \(error.description)")
        return 64
    } catch {
        printError("switchboard \(commandName): \(error)")
        return 1
    }
}

exit(await runMain())
