import HTTPCore
import Testing
@testable import HTTPClient

@Suite("Request bodies")
struct RequestBodyTests {
    /// Sends a body to `/echo` and returns what the server received: method, content type, bytes.
    private func echo(
        _ body: HTTPClientRequestBody, method: HTTPMethod = .post, headers: HTTPHeaders = [:]
    ) async throws -> (method: String?, contentType: String?, bytes: [UInt8]) {
        try await withServer { server, client in
            let response = try await client.send(
                HTTPClientRequest(method: method, url: server.url("/echo"), headers: headers, body: body))
            #expect(response.status == .ok)
            let bytes = try await response.collect()
            return (response.headers["X-Echo-Method"], response.headers["X-Echo-Content-Type"], bytes)
        }
    }

    @Test("JSON text is sent as application/json")
    func json() async throws {
        let received = try await echo(.json(#"{"model":"gpt","n":1}"#))
        #expect(received.method == "POST")
        #expect(received.contentType == "application/json")
        #expect(received.bytes == Array(#"{"model":"gpt","n":1}"#.utf8))
    }

    @Test("A form is percent-encoded as application/x-www-form-urlencoded")
    func form() async throws {
        let received = try await echo(.form([("amount", "2000"), ("description", "Tea & cake"), ("é", "a+b")]))
        #expect(received.contentType == "application/x-www-form-urlencoded")
        #expect(String(decoding: received.bytes, as: UTF8.self) == "amount=2000&description=Tea+%26+cake&%C3%A9=a%2Bb")
    }

    @Test("Multipart parts are framed by the boundary the Content-Type names")
    func multipart() async throws {
        let audio: [UInt8] = [0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D]
        let received = try await echo(.multipart([
            MultipartPart(name: "model_id", value: "eleven"),
            MultipartPart(name: "file", filename: "a \"b\".mp3", contentType: "audio/mpeg", bytes: audio),
        ]))
        let contentType = try #require(received.contentType)
        #expect(contentType.hasPrefix("multipart/form-data; boundary=SwitchboardBoundary"))
        let boundary = String(try #require(contentType.split(separator: "=", maxSplits: 1).last))
        #expect(boundary.count == "SwitchboardBoundary".count + 24)
        var expected = Array("""
            --\(boundary)\r
            Content-Disposition: form-data; name="model_id"\r
            \r
            eleven\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="a %22b%22.mp3"\r
            Content-Type: audio/mpeg\r
            \r

            """.utf8)
        expected += audio + Array("\r\n--\(boundary)--\r\n".utf8)
        #expect(received.bytes == expected)
    }

    @Test("Two multipart bodies get different boundaries")
    func boundariesDiffer() {
        #expect(MultipartEncoder.makeBoundary() != MultipartEncoder.makeBoundary())
    }

    @Test("Binary bytes carry their media type; plain bytes carry none unless the headers give one")
    func binaryAndBytes() async throws {
        let binary = try await echo(.binary([1, 2, 3], contentType: "audio/wav"))
        #expect(binary.contentType == "audio/wav")
        #expect(binary.bytes == [1, 2, 3])
        let plain = try await echo(.bytes([9, 8]))
        #expect(plain.contentType == nil)
        let typed = try await echo(.bytes([9, 8]), headers: ["Content-Type": "text/csv"])
        #expect(typed.contentType == "text/csv")
        #expect(typed.bytes == [9, 8])
    }

    @Test("A POST without a body sends Content-Length 0; a DELETE sends no body", arguments: [
        (HTTPMethod.post, "POST"), (.delete, "DELETE"), (.put, "PUT"), (.patch, "PATCH"), (.get, "GET"),
    ])
    func methodsWithoutBody(method: HTTPMethod, name: String) async throws {
        let received = try await echo(.none, method: method)
        #expect(received.method == name)
        #expect(received.bytes.isEmpty)
        #expect(received.contentType == nil)
    }

    @Test("PUT and PATCH with bodies use their own method")
    func putAndPatch() async throws {
        let put = try await echo(.json("[1]"), method: .put)
        #expect(put.method == "PUT")
        #expect(put.bytes == Array("[1]".utf8))
        let patch = try await echo(.bytes([7]), method: .patch)
        #expect(patch.method == "PATCH")
        #expect(patch.bytes == [7])
    }

    @Test("A streamed body of unknown length is sent chunked; of known length with Content-Length")
    func streamedUpload() async throws {
        let chunks: [[UInt8]] = (0..<40).map { index in Array(repeating: UInt8(index), count: 50_000) }
        let unknown = try await echo(.stream(HTTPBodyStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }), headers: ["Content-Type": "application/octet-stream"])
        #expect(unknown.bytes == chunks.flatMap { $0 })
        #expect(unknown.contentType == "application/octet-stream")
        let known = try await echo(.stream(HTTPBodyStream { continuation in
            continuation.yield([1, 2])
            continuation.yield([3])
            continuation.finish()
        }, length: 3))
        #expect(known.bytes == [1, 2, 3])
    }

    @Test("A streamed body that throws fails the request with .requestBodyFailed")
    func streamedUploadFailure() async throws {
        struct Broken: Error {}
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await echo(.stream(HTTPBodyStream { continuation in
                continuation.yield([1, 2, 3])
                continuation.finish(throwing: Broken())
            }))
        }
        #expect(error == .requestBodyFailed("the request body stream threw"))
    }
}
