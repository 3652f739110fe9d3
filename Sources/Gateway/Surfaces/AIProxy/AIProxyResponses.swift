import HTTPClient
import HTTPCore
import JSONSchema

/// Shapes an upstream answer by the endpoint's `response_mode` (seed 000, "Response Modes").
enum AIProxyResponses {
    /// Hop-by-hop fields (RFC 9110 §7.6.1) and fields the gateway must not forward.
    static let droppedHeaders: Set<String> = [
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding",
        "upgrade", "set-cookie", "content-length", "content-encoding",
    ]

    /// Upstream bodies read into memory (json mode, errors) are capped at this size.
    static let bufferLimit = 32 * 1024 * 1024

    static func shape(_ response: HTTPClientResponse, endpoint: ProxyEndpoint, streaming: Bool, jobs: ProxyJobs,
                      job: JobContext) async throws -> HTTPResponse {
        let status = response.status.code
        if endpoint.responseMode == "passthrough" { return forward(response, keepLength: true) }
        if status >= 400 { return try await upstreamError(response) }
        if streaming || endpoint.responseMode == "stream" { return forward(response, keepLength: false) }
        switch endpoint.responseMode {
        case "binary":
            return forward(response, keepLength: true)
        default:
            let bytes = try await response.collect(upTo: bufferLimit)
            guard let value = try? JSONValue(parsing: bytes) else {
                throw SurfaceError(.badGateway, "Upstream returned a body that is not JSON for a json endpoint")
            }
            var result = HTTPResponse.json(value, status: HTTPStatus(code: status))
            if let jobID = try await jobs.observe(value, context: job) {
                result.headers.add(name: "X-Switchboard-Job-Id", value: jobID)
            }
            return result
        }
    }

    /// Status, headers (minus hop-by-hop) and the body as it streams in.
    static func forward(_ response: HTTPClientResponse, keepLength: Bool) -> HTTPResponse {
        var headers = HTTPHeaders()
        for field in response.headers where !droppedHeaders.contains(field.name.lowercased()) {
            headers.add(name: field.name, value: field.value)
        }
        if keepLength, let length = response.headers["Content-Length"] { headers.add(name: "Content-Length", value: length) }
        if let encoding = response.headers["Content-Encoding"] { headers.add(name: "Content-Encoding", value: encoding) }
        return HTTPResponse(status: response.status, headers: headers, body: response.body)
    }

    /// Upstream 4xx is carried through with its body; upstream 5xx becomes 502 naming the upstream status.
    static func upstreamError(_ response: HTTPClientResponse) async throws -> HTTPResponse {
        let bytes = try await response.collect(upTo: bufferLimit)
        let status = response.status.code
        if status < 500 {
            let contentType = response.headers["Content-Type"] ?? "application/json"
            return HTTPResponse(status: response.status, contentType: contentType, bytes: bytes)
        }
        let detail = (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes.prefix(2048), as: UTF8.self))
        return .json(["error": .string("Upstream service returned \(status)"), "upstream_status": .number(JSONNumber(status)),
                      "upstream_body": detail], status: .badGateway)
    }
}

/// Upstream failures in seed 000's shape: timeout 504, connection failure 502, open breaker 503.
enum AIProxyErrors {
    static func surfaceError(_ error: UpstreamError) -> SurfaceError {
        switch error {
        case .timeout(let provider):
            return SurfaceError(.gatewayTimeout, "Upstream service '\(provider)' did not answer in time")
        case .unreachable(let provider, _):
            return SurfaceError(.badGateway, "Upstream service '\(provider)' could not be reached")
        case .circuitOpen(let provider, let retryAfter):
            return SurfaceError(.serviceUnavailable,
                                "Upstream service '\(provider)' is failing; calls are paused for \(retryAfter) s (circuit open)")
        }
    }
}
