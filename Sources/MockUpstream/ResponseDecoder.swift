import Foundation
import HTTPCore
import JSONSchema

/// Compiles a recording's `response`: serializes JSON once, decodes base64 once, splits templates once.
struct ResponseDecoder {
    let decoder: RecordingDecoder

    /// Decodes the response object at `field`.
    func decode(_ value: JSONValue, at field: String) throws(RecordingLoadError) -> RecordedResponse {
        let status = HTTPStatus(code: value["status"]?.intValue ?? 200)
        var headers = HTTPHeaders()
        if let object = value["headers"]?.objectValue {
            for (name, text) in zip(object.keys, object.values) {
                guard !["content-length", "transfer-encoding", "connection", "date"].contains(name.lowercased()) else {
                    continue
                }
                headers.add(name: name, value: text.stringValue ?? "")
            }
        }
        let template = value["template"]?.boolValue ?? false
        let body: RecordedResponse.Body
        var defaultType: String?
        if let json = value["json"] {
            body = .whole(try content(json.serializedBytes(), json: true, template: template, at: field + "/json"))
            defaultType = "application/json"
        } else if let text = value["text"]?.stringValue {
            body = .whole(try content(Array(text.utf8), json: false, template: template, at: field + "/text"))
            defaultType = "text/plain; charset=utf-8"
        } else if let encoded = value["base64"]?.stringValue {
            body = .whole(.fixed(try bytes(base64: encoded, at: field + "/base64")))
            defaultType = "application/octet-stream"
        } else if let chunks = value["chunks"]?.arrayValue {
            var decoded: [RecordedResponse.Chunk] = []
            for (index, chunk) in chunks.enumerated() {
                decoded.append(try decodeChunk(chunk, template: template, at: field + "/chunks/\(index)"))
            }
            body = .chunks(decoded)
            defaultType = chunks.contains { $0["sse"] != nil } ? "text/event-stream" : "application/octet-stream"
        } else if let generate = value["generate"] {
            let pattern = Array((generate["pattern"]?.stringValue ?? "").utf8)
            let chunkSize = generate["chunkSize"]?.intValue ?? 65_536
            let rounded = max(pattern.count, chunkSize / max(pattern.count, 1) * pattern.count)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(rounded)
            while buffer.count < rounded { buffer.append(contentsOf: pattern) }
            body = .generated(buffer: buffer, total: generate["bytes"]?.intValue ?? 0)
            defaultType = "application/octet-stream"
        } else {
            body = .whole(.fixed([]))
        }
        if let defaultType, !headers.contains("Content-Type"), !status.forbidsBody {
            headers.add(name: "Content-Type", value: defaultType)
        }
        return RecordedResponse(status: status, headers: headers, body: body)
    }

    private func decodeChunk(_ chunk: JSONValue, template: Bool, at field: String)
        throws(RecordingLoadError) -> RecordedResponse.Chunk {
        let milliseconds = chunk["delayMs"]?.doubleValue ?? 0
        let delay = Duration.microseconds(Int64(milliseconds * 1000))
        if let text = chunk["text"]?.stringValue {
            return .init(delay: delay, content: try content(Array(text.utf8), json: false, template: template,
                                                            at: field + "/text"))
        }
        if let encoded = chunk["base64"]?.stringValue {
            return .init(delay: delay, content: .fixed(try bytes(base64: encoded, at: field + "/base64")))
        }
        var event: [UInt8] = []
        if let name = chunk["event"]?.stringValue { event += Array("event: \(name)\n".utf8) }
        let data = chunk["sse"] ?? .null
        let isJSON: Bool
        if case .string(let text) = data {
            event += Array("data: \(text)\n\n".utf8)
            isJSON = false
        } else {
            event += Array("data: ".utf8) + data.serializedBytes() + Array("\n\n".utf8)
            isJSON = true
        }
        return .init(delay: delay, content: try content(event, json: isJSON, template: template, at: field + "/sse"))
    }

    private func content(_ bytes: [UInt8], json: Bool, template: Bool, at field: String)
        throws(RecordingLoadError) -> RecordedResponse.Content {
        guard template, BodyTemplate.hasPlaceholders(bytes) else { return .fixed(bytes) }
        do {
            return .template(try BodyTemplate(bytes, json: json))
        } catch {
            throw decoder.fail(field, error.message)
        }
    }

    private func bytes(base64 text: String, at field: String) throws(RecordingLoadError) -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw decoder.fail(field, "not valid base64") }
        return Array(data)
    }
}
