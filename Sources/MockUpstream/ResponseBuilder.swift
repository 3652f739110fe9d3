import HTTPCore
import HTTPServer

/// Turns a recorded response into the response for one request, applying faults and the speed factor.
///
/// The fast path (a whole body, no faults) returns the recording's own bytes: no copy, no serialization.
enum ResponseBuilder {
    /// The response for a whole, fixed body with no fault (no request needed), else nil.
    static func fixed(_ recorded: RecordedResponse) -> HTTPResponse? {
        guard case .whole(.fixed(let bytes)) = recorded.body else { return nil }
        return HTTPResponse(status: recorded.status, headers: recorded.headers, body: .bytes(bytes))
    }

    /// The response to send.
    static func build(
        _ recorded: RecordedResponse, request: MockRequest, parameters: [String: String], fault: Fault?,
        statusOverride: Int?, speed: Double
    ) -> HTTPResponse {
        let status = statusOverride.map { HTTPStatus(code: $0) } ?? recorded.status
        var headers = recorded.headers
        if let fault, fault.empty {
            // The head promises no body, then the connection is reset (RST) rather than closed or kept alive.
            headers.replaceOrAdd(name: "Content-Length", value: "0")
            return HTTPResponse(status: status, headers: headers,
                                body: .stream(HTTPBodyStream { $0.finish(throwing: ConnectionAbort()) }))
        }
        var script: StreamScript
        switch recorded.body {
        case .whole(let content):
            let bytes = content.bytes(request, parameters: parameters)
            guard let fault, fault.shapesBody else {
                return HTTPResponse(status: status, headers: headers, body: .bytes(bytes))
            }
            headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
            script = StreamScript(source: .pieces([(.zero, bytes)]))
        case .chunks(let chunks):
            let pieces = chunks.map { (delay: $0.delay, bytes: $0.content.bytes(request, parameters: parameters)) }
            script = StreamScript(source: .pieces(pieces))
        case .generated(let buffer, let total):
            headers.replaceOrAdd(name: "Content-Length", value: String(total))
            script = StreamScript(source: .generated(buffer: buffer, total: total))
        }
        if let fault {
            script.abortAtStart = fault.reset
            script.truncateAt = fault.truncate
            script.cutAfterEvents = fault.cutAfterEvents
            script.drip = fault.drip.map { ($0, fault.dripBytes) }
        }
        let cursor = StreamCursor(script, speed: speed)
        return HTTPResponse(status: status, headers: headers, body: .stream(cursor.makeStream()))
    }
}
