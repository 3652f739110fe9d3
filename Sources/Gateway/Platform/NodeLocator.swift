import Foundation

/// Finds the Node.js executable that runs script callables (seed 003, `type: "script"`).
public enum NodeLocator {
    /// The configured path if it is executable (nil if not), else what `find` finds.
    public static func resolve(configured: String?) -> String? {
        guard let configured else { return find() }
        return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
    }

    /// The first executable `node` on PATH, then in Debian's and the installer's usual places.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"]?.split(separator: ":").map { "\($0)/node" } ?? []
        return (path + ["/usr/bin/node", "/usr/local/bin/node"]).first(where: FileManager.default.isExecutableFile)
    }
}
