import Foundation
import HTTPClient
import HTTPCore
import JSONSchema
@testable import MockUpstream

/// Where the repository's files are, found from this file's path.
enum Repository {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `Recordings/`.
    static let recordings = root.appendingPathComponent("Recordings").path
    /// `Tests/MockUpstreamTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// One HTTP client for every test (libcurl, keep-alive), and a response read whole.
enum TestHTTP {
    static let client = HTTPClient(configuration: .init(proxy: .none))

    /// A response with its body collected.
    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: JSONValue? { try? JSONValue(parsing: body) }
    }

    /// Sends a request and reads the whole body.
    static func send(
        _ method: HTTPMethod, _ url: String, headers: HTTPHeaders = [:], body: HTTPClientRequestBody = .none
    ) async throws -> Reply {
        let response = try await client.send(HTTPClientRequest(method: method, url: url, headers: headers, body: body,
                                                               timeout: .seconds(30)))
        let bytes = try await response.collect()
        return Reply(status: response.status.code, headers: response.headers, body: bytes)
    }

    /// Sends a JSON body.
    static func post(_ url: String, json: String, headers: HTTPHeaders = [:]) async throws -> Reply {
        try await send(.post, url, headers: headers, body: .json(json))
    }
}

/// Starts the mock on the repository's recordings, with no stream delays.
func startMock(speed: Double = 0) async throws -> MockUpstream {
    try await MockUpstream.start(recordingsDirectory: Repository.recordings, options: .init(speed: speed))
}
