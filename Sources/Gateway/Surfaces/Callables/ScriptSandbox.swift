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

    static func run(source: String, input: JSONValue, timeout: Duration = .seconds(5)) async throws -> JSONValue {
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile) else {
            throw SurfaceError(.internalServerError, "script callables need Node.js (node) on the gateway's machine")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("callable.js")
        try Data((source + runner).utf8).write(to: file)
        let arguments = ["--experimental-permission", "--allow-fs-read=\(file.path)", "--max-old-space-size=64",
                         "--no-warnings", file.path]
        let (status, stdout, stderr) = try await execute(node, arguments, stdin: input.serializedBytes(), timeout: timeout)
        guard let result = try? JSONValue(parsing: stdout) else {
            let reason = status == 15 || status == 9 ? "timed out after \(timeout)" : "exited with \(status): \(stderr.suffix(500))"
            throw SurfaceError(.badGateway, "script \(reason)")
        }
        guard result["ok"] == true else {
            throw SurfaceError(.badGateway, "script failed: \(result["error"]?.stringValue ?? "unknown error")")
        }
        return result["output"] ?? .null
    }

    /// Runs a program on its own thread with a deadline; returns status, stdout and stderr.
    static func execute(_ path: String, _ arguments: [String], stdin: [UInt8], timeout: Duration) async throws
        -> (Int32, [UInt8], String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = arguments
                process.environment = [:]
                let input = Pipe(), output = Pipe(), errors = Pipe()
                process.standardInput = input
                process.standardOutput = output
                process.standardError = errors
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeout.components.seconds)
                                                  + Double(timeout.components.attoseconds) / 1e18, execute: killer)
                input.fileHandleForWriting.write(Data(stdin))
                try? input.fileHandleForWriting.close()
                let out = output.fileHandleForReading.readDataToEndOfFile()
                let err = errors.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                killer.cancel()
                continuation.resume(returning: (process.terminationStatus, Array(out), String(decoding: err, as: UTF8.self)))
            }
        }
    }
}
