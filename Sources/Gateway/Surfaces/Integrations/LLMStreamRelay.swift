import Foundation
import HTTPClient
import HTTPCore
import JSONSchema

/// Relays a provider's stream as server-sent events as it arrives: `event: delta` with `{"content": "…"}` for
/// each piece, then `event: done` with the full normalized response (or `event: error`).
enum LLMStreamRelay {
    static func relay(_ response: HTTPClientResponse, execute: ExecuteRequest, adapter: any LLMAdapter, requestID: String,
                      start: ContinuousClock.Instant,
                      recordTokens: @escaping @Sendable (Int, Int) async -> Void) -> HTTPResponse {
        let upstream = response.body
        let stream = HTTPBodyStream { continuation in
            let task = Task {
                var reader = SSELineReader()
                var content = ""
                var finish: String?
                var usage = (0, 0)
                do {
                    guard case .stream(let chunks) = upstream else { throw SurfaceError(.badGateway, "no stream") }
                    for try await chunk in chunks {
                        for payload in reader.feed(chunk) where payload != "[DONE]" {
                            guard let event = try? JSONValue(parsing: payload) else { continue }
                            let delta = adapter.delta(event)
                            if let reason = delta.finishReason { finish = reason }
                            if let counted = delta.usage { usage = (max(usage.0, counted.0), max(usage.1, counted.1)) }
                            guard !delta.text.isEmpty else { continue }
                            content += delta.text
                            continuation.yield(sse("delta", ["content": .string(delta.text)]))
                        }
                    }
                    let normalized = NormalizedLLMResponse(
                        provider: execute.provider.name, model: execute.model, content: content, promptTokens: usage.0,
                        completionTokens: usage.1, finishReason: NormalizedLLMResponse.finishReason(finish),
                        metadata: ["latencyMs": .number(JSONNumber(LLMExecutor.milliseconds(since: start)))])
                    await recordTokens(usage.0, usage.1)
                    continuation.yield(sse("done", ["success": true, "data": normalized.json, "requestId": .string(requestID),
                                                      "durationMs": .number(JSONNumber(LLMExecutor.milliseconds(since: start)))]))
                } catch {
                    continuation.yield(sse("error", LLMErrors.body("stream interrupted: \(error)", category: "network",
                                                                     retryable: true)))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        var headers: HTTPHeaders = ["Cache-Control": "no-cache", "X-Request-Id": requestID]
        headers.add(name: "X-Accel-Buffering", value: "no")
        return .stream(stream, contentType: "text/event-stream", headers: headers)
    }

    static func sse(_ name: String, _ data: JSONValue) -> [UInt8] {
        Array("event: \(name)\ndata: \(data.serialized())\n\n".utf8)
    }
}
