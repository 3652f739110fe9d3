import ChildProcess
import Foundation
import JSONSchema

/// Runs a `script` callable: JavaScript that defines `async function main(input)`, executed by Node in a
/// subprocess under Node's permission model (no file writes, no child processes, no workers, no addons;
/// reading only its own file), with an empty environment, a heap cap and a wall-clock timeout.
enum ScriptSandbox {
    static let runner = """

        ;(async () => {
          const chunks = [];
          for await (const chunk of process.stdin) chunks.push(chunk);
          const input = JSON.parse(Buffer.concat(chunks).toString() || 'null');
          const output = await main(input);
          process.stdout.write(JSON.stringify({ ok: true, output: output === undefined ? null : output }));
        })().catch((error) => {
          process.stdout.write(JSON.stringify({ ok: false, error: String((error && error.message) || error) }));
          process.exitCode = 1;
        });
        """

    /// Runs `source` with `node`; 503 when the gateway has no Node.js (a missing dependency, not a fault of the callable).
    static func run(source: String, input: JSONValue, node: String?, timeout: Duration = .seconds(5)) async throws -> JSONValue {
        guard let node else {
            throw SurfaceError(.serviceUnavailable,
                               "script callables need Node.js: install it (Debian: nodejs) or start the gateway with --node PATH")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("callable.js")
        try Data((source + runner).utf8).write(to: file)
        let arguments = ["--experimental-permission", "--allow-fs-read=\(file.path)", "--max-old-space-size=64",
                         "--no-warnings", file.path]
        let result = try await ChildProcess.run(node, arguments, environment: [:], stdin: input.serializedBytes(), timeout: timeout)
        guard let value = try? JSONValue(parsing: result.stdout) else {
            let reason = result.timedOut ? "timed out after \(timeout)" : "exited with \(result.status): \(result.stderrText.suffix(500))"
            throw SurfaceError(.badGateway, "script \(reason)")
        }
        guard value["ok"] == true else {
            throw SurfaceError(.badGateway, "script failed: \(value["error"]?.stringValue ?? "unknown error")")
        }
        return value["output"] ?? .null
    }
}
