import HTTPClient
import HTTPCore
import JSONSchema

/// A response read in full, with its body parsed as JSON when it is JSON.
struct ReceivedResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var bytes: [UInt8]
    var duration: Duration
    var json: JSONValue?
    /// Why the body is not JSON (nil when it is, or when it is empty).
    var jsonError: String?

    init(status: Int, headers: HTTPHeaders, bytes: [UInt8], duration: Duration) {
        self.status = status
        self.headers = headers
        self.bytes = bytes
        self.duration = duration
        if bytes.isEmpty {
            jsonError = "the body is empty"
        } else {
            do {
                json = try JSONValue(parsing: bytes)
            } catch {
                jsonError = "the body is not JSON (\(error.message) at line \(error.line), column \(error.column))"
            }
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// What later placeholders capture.
    var record: StepRecord { StepRecord(status: status, headers: headers, body: json, text: text) }
}

/// Sends requests with the run's client and timeout, and records them (redacted) for reports.
struct Exchanger: Sendable {
    let client: HTTPClient
    let timeout: Duration
    let redactor: Redactor
    static let bodyLimit = 16 * 1024 * 1024

    /// Sends the request; a transport failure is a mismatch rather than an error.
    func send(
        _ request: BuiltRequest, step: String?
    ) async -> (
        exchange: RecordedExchange, response: ReceivedResponse?,
        failure: Mismatch?
    ) {
        let recorded = RecordedRequest(
            method: request.method, url: redactor.text(request.url),
            headers: request.headers.map {
                RecordedHeader(name: $0.name, value: redactor.header(name: $0.name, value: $0.value))
            },
            body: request.bodyText.map { redactor.text(String($0.prefix(RecordedResponse.textLimit))) })
        var exchange = RecordedExchange(step: step, request: recorded, response: nil)
        guard let method = HTTPMethod(rawValue: request.method) else {
            return (exchange, nil, Mismatch(.transport, "'\(request.method)' is not an HTTP method", step: step))
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await client.send(
                HTTPClientRequest(
                    method: method, url: request.url, headers: request.headers,
                    body: request.body, timeout: timeout))
            let bytes = try await response.collect(upTo: Self.bodyLimit)
            let received = ReceivedResponse(
                status: response.status.code, headers: response.headers, bytes: bytes,
                duration: clock.now - start)
            exchange.response = record(received)
            return (exchange, received, nil)
        } catch {
            let message = "no response to \(request.method) \(redactor.text(request.url)): \(error)"
            return (exchange, nil, Mismatch(.transport, message, step: step))
        }
    }

    /// The response as reports show it.
    private func record(_ response: ReceivedResponse) -> RecordedResponse {
        let text = response.text
        return RecordedResponse(
            status: response.status,
            headers: response.headers.map {
                RecordedHeader(name: $0.name, value: redactor.header(name: $0.name, value: $0.value))
            },
            body: redactor.text(String(text.prefix(RecordedResponse.textLimit))), bodyBytes: response.bytes.count,
            duration: response.duration)
    }
}
