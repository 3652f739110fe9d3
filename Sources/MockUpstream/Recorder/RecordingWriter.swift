import Foundation
import HTTPCore
import JSONSchema

/// Turns a captured exchange into a recording file: a matcher that replays it (secrets only by shape) and the
/// response as received (JSON when it round-trips byte for byte, else text or base64; streams as timed chunks).
struct RecordingWriter: Sendable {
    let provider: Provider
    let target: String
    let directory: URL

    /// Response header fields that describe one connection, not the response.
    static let transportHeaders: Set<String> = [
        "content-length", "transfer-encoding", "connection", "keep-alive", "date",
    ]

    /// Writes the recording to a new file and returns its path.
    func write(_ exchange: RecordedExchange, recordedAt: Date) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let base = "\(exchange.method.rawValue.lowercased())-\(Self.slug(exchange.path))"
        var name = base
        var counter = 1
        while FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + ".json").path) {
            counter += 1
            name = "\(base)-\(counter)"
        }
        let recording = makeRecording(exchange, id: "recorded.\(provider.rawValue).\(name)", recordedAt: recordedAt)
        let document = JSONValue.object(JSONObject([
            ("description", .string("Recorded by 'switchboard record' from \(target).")),
            ("provider", .string(provider.rawValue)),
            ("recordings", .array([recording])),
        ]))
        let url = directory.appendingPathComponent(name + ".json")
        try Data(document.serializedBytes(pretty: true) + [0x0A]).write(to: url)
        return url.path
    }

    /// The recording object.
    func makeRecording(_ exchange: RecordedExchange, id: String, recordedAt: Date) -> JSONValue {
        let (pathTemplate, pathParameters) = Self.redactPath(exchange.path)
        let stamp = JournalEntry.timestamp(recordedAt)
        return .object(JSONObject([
            ("id", .string(id)),
            ("operation", .object(JSONObject([("spec", .string("recorded from \(target)")),
                                              ("id", .string("\(exchange.method) \(pathTemplate)"))]))),
            ("source", .string("switchboard record, \(target), \(stamp); secrets redacted")),
            ("priority", .number(10)),
            ("request", requestMatcher(exchange, path: pathTemplate, pathParameters: pathParameters)),
            ("response", response(exchange)),
        ]))
    }

    private func requestMatcher(_ exchange: RecordedExchange, path: String, pathParameters: [String]) -> JSONValue {
        var request = JSONObject([("method", .string(exchange.method.rawValue)), ("path", .string(path))])
        if !pathParameters.isEmpty {
            request["pathParams"] = .object(JSONObject(pathParameters.map { ($0, ["regex": "^\\S{32,}$"]) }))
        }
        var query = JSONObject()
        for (name, value) in FormURLEncoding.decode(exchange.query ?? "") where query[name] == nil {
            query[name] = Redactor.isSecretField(name) ? ["present": true] : .string(value)
        }
        if !query.isEmpty { request["query"] = .object(query) }
        var headers = JSONObject()
        for field in exchange.requestHeaders where Redactor.isSecretHeader(field.name) && headers[field.name] == nil {
            headers[field.name] = field.name.lowercased() == "cookie"
                ? ["present": true]
                : ["regex": .string(Redactor.shapePattern(of: field.value))]
        }
        if !headers.isEmpty { request["headers"] = .object(headers) }
        if let body = bodyMatcher(exchange) { request["body"] = body }
        return .object(request)
    }

    private func bodyMatcher(_ exchange: RecordedExchange) -> JSONValue? {
        let (json, form) = exchange.parsedRequestBody
        if let form {
            var fields = JSONObject()
            for (name, value) in form where fields[name] == nil {
                fields[name] = Redactor.isSecretField(name) ? ["present": true] : .string(value)
            }
            return fields.isEmpty ? nil : ["form": .object(fields)]
        }
        guard let json else { return nil }
        var secrets: [JSONPointer] = []
        let redacted = Redactor.redact(json, found: &secrets)
        guard !secrets.isEmpty else { return ["subset": json] }
        var pruned = redacted
        for pointer in secrets { pruned = Self.removing(pointer.tokens[...], from: pruned) }
        return .object(JSONObject([
            ("subset", pruned),
            ("pointers", .object(JSONObject(secrets.map { ($0.description, ["present": true]) }))),
        ]))
    }

    /// Secret values the request carried (header keys, query and body fields), to scrub from the response.
    static func secretValues(_ exchange: RecordedExchange) -> [[UInt8]] {
        var values: [String] = []
        for field in exchange.requestHeaders where Redactor.isSecretHeader(field.name) {
            values.append(field.value)
            if let space = field.value.firstIndex(of: " ") {
                values.append(String(field.value[field.value.index(after: space)...]))
            }
        }
        for (name, value) in FormURLEncoding.decode(exchange.query ?? "") where Redactor.isSecretField(name) {
            values.append(value)
        }
        let (json, form) = exchange.parsedRequestBody
        for (name, value) in form ?? [] where Redactor.isSecretField(name) { values.append(value) }
        if let json {
            var found: [JSONPointer] = []
            _ = Redactor.redact(json, found: &found)
            values += found.compactMap { json.at($0)?.stringValue }
        }
        return values.filter { $0.utf8.count >= 6 }.sorted { $0.utf8.count > $1.utf8.count }.map { Array($0.utf8) }
    }

    /// The bytes with every occurrence of a secret replaced by the placeholder.
    static func scrub(_ bytes: [UInt8], _ secrets: [[UInt8]]) -> [UInt8] {
        var out = bytes
        for secret in secrets {
            var result: [UInt8] = []
            var index = 0
            var changed = false
            while index < out.count {
                if out[index] == secret[0], index + secret.count <= out.count,
                   out[index..<(index + secret.count)].elementsEqual(secret) {
                    result += Array(Redactor.placeholder.utf8)
                    index += secret.count
                    changed = true
                } else {
                    result.append(out[index])
                    index += 1
                }
            }
            if changed { out = result }
        }
        return out
    }

    private func response(_ exchange: RecordedExchange) -> JSONValue {
        var response = JSONObject([("status", .number(exchange.status))])
        var headers = JSONObject()
        for field in exchange.responseHeaders where !Self.transportHeaders.contains(field.name.lowercased()) {
            let value = Redactor.isSecretHeader(field.name) ? Self.redactHeader(field) : field.value
            if case .string(let earlier)? = headers[field.name] {
                headers[field.name] = .string(earlier + ", " + value)
            } else {
                headers[field.name] = .string(value)
            }
        }
        response["headers"] = .object(headers)
        let secrets = Self.secretValues(exchange)
        if exchange.isStream {
            response["chunks"] = .array(Self.chunks(exchange, scrubbing: secrets))
            return .object(response)
        }
        let body = Self.scrub(exchange.responseBody, secrets)
        if body.isEmpty { return .object(response) }
        if let json = try? JSONValue(parsing: body), json.serializedBytes() == body {
            response["json"] = json
        } else if let text = String(validating: body, as: UTF8.self) {
            response["text"] = .string(text)
        } else {
            response["base64"] = .string(Data(body).base64EncodedString())
        }
        return .object(response)
    }

    /// Chunks with their delays; an SSE stream is re-cut at event boundaries so that one chunk is one event.
    static func chunks(_ exchange: RecordedExchange, scrubbing secrets: [[UInt8]]) -> [JSONValue] {
        var pieces = exchange.chunks
        if exchange.responseHeaders["Content-Type"]?.lowercased().hasPrefix("text/event-stream") == true {
            pieces = splitEvents(exchange.chunks)
        }
        return pieces.map { piece in
            let bytes = scrub(piece.bytes, secrets)
            let milliseconds = Double(piece.delay.components.seconds) * 1000
                + Double(piece.delay.components.attoseconds) / 1e15
            let delay = JSONValue.number((milliseconds * 10).rounded() / 10)
            if let text = String(validating: bytes, as: UTF8.self) {
                return .object(JSONObject([("delayMs", delay), ("text", .string(text))]))
            }
            return .object(JSONObject([("delayMs", delay), ("base64", .string(Data(bytes).base64EncodedString()))]))
        }
    }

    /// Re-cuts reads at blank lines (`\n\n`); an event takes the delay of the read that completed it.
    static func splitEvents(_ reads: [(delay: Duration, bytes: [UInt8])]) -> [(delay: Duration, bytes: [UInt8])] {
        var events: [(delay: Duration, bytes: [UInt8])] = []
        var pending: [UInt8] = []
        var pendingDelay: Duration = .zero
        for read in reads {
            pendingDelay += read.delay
            pending += read.bytes
            while let end = pending.indices.dropLast().first(where: { pending[$0] == 0x0A && pending[$0 + 1] == 0x0A })
            {
                events.append((pendingDelay, Array(pending[...(end + 1)])))
                pending.removeFirst(end + 2)
                pendingDelay = .zero
            }
        }
        if !pending.isEmpty { events.append((pendingDelay, pending)) }
        return events
    }

    /// A redacted Set-Cookie keeps the cookie's name; other secret headers become the placeholder.
    static func redactHeader(_ field: HTTPHeaders.Field) -> String {
        guard field.name.lowercased() == "set-cookie", let equals = field.value.firstIndex(of: "=") else {
            return Redactor.placeholder
        }
        return field.value[..<equals] + "=" + Redactor.placeholder
    }

    /// The path with credential-like segments turned into `{redactedN}` parameters.
    static func redactPath(_ path: String) -> (String, [String]) {
        var names: [String] = []
        let segments = PathTemplate.split(path).map { segment -> String in
            guard Redactor.isSecretSegment(FormURLEncoding.percentDecode(segment)) else {
                return segment.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
            }
            names.append("redacted\(names.count + 1)")
            return "{\(names.last ?? "redacted")}"
        }
        return ("/" + segments.joined(separator: "/"), names)
    }

    /// A file-name-safe slug of a path.
    static func slug(_ path: String) -> String {
        let (template, _) = redactPath(path)
        var out = ""
        for character in template.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "root" : String(trimmed.prefix(60))
    }

    private static func removing(_ tokens: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let first = tokens.first else { return value }
        switch value {
        case .object(var object):
            if tokens.count == 1 {
                object.removeValue(forKey: first)
            } else if let inner = object[first] {
                object[first] = removing(tokens.dropFirst(), from: inner)
            }
            return .object(object)
        case .array(var elements):
            if let index = Int(first), elements.indices.contains(index), tokens.count > 1 {
                elements[index] = removing(tokens.dropFirst(), from: elements[index])
            }
            return .array(elements)
        default:
            return value
        }
    }
}
