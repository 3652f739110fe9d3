import Foundation
import HTTPCore
import HTTPServer
import JSONSchema

@testable import Conformance

/// The repository's root (Contracts/ and Scenarios/ live there).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A server on 127.0.0.1, port 0, answering with a closure.
final class TestServer: Sendable {
    private let server: HTTPServer
    let baseURL: String

    init(_ respond: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) throws {
        server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, loopCount: 1, log: { _ in }),
            responder: ClosureResponder(respond))
        try server.start()
        baseURL = server.baseURL
    }

    func stop() async { await server.shutdownGracefully(gracePeriod: .milliseconds(200)) }
}

/// A temporary folder of contract files, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` at a relative path, creating folders.
    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A small manifest for tests: two endpoints of surface `things`.
let testManifest = """
    {"endpoints": [
      {"id": "t.list", "method": "GET", "path": "/things", "seed": "002", "section": "Things", "surface": "things",
       "statuses": [200, 401]},
      {"id": "t.get", "method": "GET", "path": "/things/{id}", "seed": "002", "section": "Thing", "surface": "things",
       "statuses": [200, 404]}
    ]}
    """

/// One manifest entry as JSON text.
func manifestEntry(
    _ id: String, _ method: String, _ path: String, seed: String = "002", surface: String = "s",
    statuses: [Int] = [200]
) -> String {
    #"{"id": "\#(id)", "method": "\#(method)", "path": "\#(path)", "seed": "\#(seed)", "section": "s", "#
        + #""surface": "\#(surface)", "statuses": \#(statuses)}"#
}

/// A manifest of the given entries.
func makeManifest(_ entries: String...) -> String {
    #"{"endpoints": ["# + entries.joined(separator: ", ") + "]}"
}

/// A contract for `GET /things` with the given cases (JSON text of the array).
func thingsContract(_ cases: String) -> String {
    """
    {"endpoint": {"method": "GET", "path": "/things", "seed": "002", "section": "Things"}, "cases": \(cases)}
    """
}

/// Loads a suite from a folder holding `endpoints.json` (the test manifest unless given) and files.
func loadSuite(
    files: [String: String], manifest: String = testManifest, scenarios: [String: String] = [:]
)
    throws -> ConformanceSuite
{
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("Contracts/endpoints.json", manifest)
    for (name, text) in files { try folder.write("Contracts/" + name, text) }
    for (name, text) in scenarios { try folder.write("Scenarios/" + name, text) }
    return try ConformanceSuite.load(
        contractsDirectory: folder.url.appendingPathComponent("Contracts").path,
        scenariosDirectory: folder.url.appendingPathComponent("Scenarios").path)
}

/// The errors loading these files produces (empty when it loads).
func loadErrors(
    files: [String: String], manifest: String = testManifest, scenarios: [String: String] = [:]
) -> [LoadError] {
    do {
        _ = try loadSuite(files: files, manifest: manifest, scenarios: scenarios)
        return []
    } catch let error as SuiteLoadError {
        return error.errors
    } catch {
        return [LoadError(file: "?", field: "", message: "\(error)")]
    }
}

/// The repository's own contracts and scenarios.
func repositorySuite() throws -> ConformanceSuite {
    try ConformanceSuite.load(
        contractsDirectory: repositoryRoot.appendingPathComponent("Contracts").path,
        scenariosDirectory: repositoryRoot.appendingPathComponent("Scenarios").path)
}

extension HTTPResponse {
    /// A JSON response from a JSON value.
    static func body(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        .json(value.serialized(), status: status)
    }
}

extension RunReport {
    /// The result with this id.
    func result(_ id: String) -> CaseResult? { results.first { $0.id == id } }
}
