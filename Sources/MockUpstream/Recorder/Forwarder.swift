import Foundation
import HTTPClient
import HTTPCore
import HTTPServer

/// The recording proxy's handler: forwards one request, tees the streamed answer to the client and to a
/// recording written when the body ends.
struct Forwarder: HTTPResponder {
    let provider: Provider
    let target: String
    let client: HTTPClient
    let writer: RecordingWriter
    let progress: RecordingProgress
    let log: @Sendable (String) -> Void

    /// Request fields the client library or the proxy sets itself.
    static let skippedRequestHeaders: Set<String> = [
        "host", "connection", "content-length", "transfer-encoding", "accept-encoding", "expect", "keep-alive", "te",
        "upgrade", "proxy-connection",
    ]

    func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        var path = request.path
        if path == provider.pathPrefix || path.hasPrefix(provider.pathPrefix + "/") {
            path = String(path.dropFirst(provider.pathPrefix.count))
        }
        if path.isEmpty { path = "/" }
        let query = request.head.query
        var headers = HTTPHeaders()
        for field in request.headers where !Self.skippedRequestHeaders.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        let url = target + path + (query.map { "?" + $0 } ?? "")
        let body: HTTPClientRequestBody = request.bodyBytes.isEmpty ? .none : .bytes(request.bodyBytes)
        let upstream: HTTPClientResponse
        do {
            let outbound = HTTPClientRequest(method: request.method, url: url, headers: headers, body: body)
            upstream = try await client.send(outbound)
        } catch {
            log("record: \(request.method) \(url) failed: \(error)")
            return .json(#"{"error":{"type":"mock_record_upstream_failed","message":"the target did not answer"}}"#,
                         status: .badGateway)
        }
        var responseHeaders = HTTPHeaders()
        for field in upstream.headers where !RecordingWriter.transportHeaders.contains(field.name.lowercased()) {
            responseHeaders.add(name: field.name, value: field.value)
        }
        let lengthFramed = upstream.headers["Content-Length"] != nil
        let captured = (method: request.method, path: path, query: query, headers: request.headers,
                        body: request.bodyBytes)
        let (stream, continuation) = HTTPBodyStream.makeStream()
        progress.begin()
        let writer = self.writer
        let progress = self.progress
        let log = self.log
        Task {
            var chunks: [(delay: Duration, bytes: [UInt8])] = []
            var last = ContinuousClock.now
            var failed = false
            do {
                if case .stream(let body) = upstream.body {
                    for try await chunk in body {
                        let now = ContinuousClock.now
                        chunks.append((now - last, chunk))
                        last = now
                        continuation.yield(chunk)
                    }
                } else if let bytes = upstream.body.bytes, !bytes.isEmpty {
                    chunks.append((.zero, bytes))
                    continuation.yield(bytes)
                }
                continuation.finish()
            } catch {
                failed = true
                continuation.finish(throwing: error)
            }
            var file: String?
            if !failed {
                let exchange = RecordedExchange(
                    method: captured.method, path: captured.path, query: captured.query,
                    requestHeaders: captured.headers, requestBody: captured.body, status: upstream.status.code,
                    responseHeaders: responseHeaders,
                    chunks: chunks, lengthFramed: lengthFramed)
                do {
                    file = try writer.write(exchange, recordedAt: Date())
                } catch {
                    log("record: cannot write the recording: \(error)")
                }
            }
            progress.finish(file: file)
        }
        return HTTPResponse(status: upstream.status, headers: responseHeaders, body: .stream(stream))
    }
}
