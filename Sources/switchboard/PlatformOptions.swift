import Foundation
import Gateway

/// The flags every command that opens the gateway's database shares.
enum PlatformOptions {
    static let database = OptionSpec(name: "database", valueName: "FILE", environmentVariable: "SWITCHBOARD_DATABASE",
                                     help: "SQLite file (created if absent), or :memory:. Default switchboard.sqlite.")
    static let masterKeyFile = OptionSpec(
        name: "master-key-file", valueName: "FILE", environmentVariable: "SWITCHBOARD_MASTER_KEY_FILE",
        help: "Vault master key file (generated if absent). Default: <database>.master-key.")
    static let all = [database, masterKeyFile]

    /// The database path from flags or environment.
    static func databasePath(_ arguments: CommandLineArguments) -> String {
        arguments.value(database) ?? "switchboard.sqlite"
    }

    /// Platform options: SWITCHBOARD_MASTER_KEY (a base64 or hex key) wins over a key file.
    static func make(_ arguments: CommandLineArguments, environment: [String: String], rateLimit: Int = 100)
        -> Platform.Options {
        let path = databasePath(arguments)
        let source: MasterKeySource? = environment["SWITCHBOARD_MASTER_KEY"].flatMap { $0.isEmpty ? nil : .inline($0) }
            ?? arguments.value(masterKeyFile).map { .file($0) }
        return Platform.Options(databasePath: path, masterKey: source, defaultRateLimit: rateLimit)
    }

    /// Opens the platform, turning failures into one clear line.
    static func open(_ arguments: CommandLineArguments,
                     environment: [String: String] = ProcessInfo.processInfo.environment, rateLimit: Int = 100)
        async throws -> Platform {
        let options = make(arguments, environment: environment, rateLimit: rateLimit)
        do {
            return try await Platform.open(options)
        } catch {
            throw UsageError("cannot open database '\(options.databasePath)': \(error)")
        }
    }
}
