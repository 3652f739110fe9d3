import Foundation
import HTTPCore
import JSONSchema
import Testing
@testable import MockUpstream

/// Every recorded response body validates against its provider's official schema, extracted from
/// ../shared/upstreams into Fixtures/provider-schemas.json (see extract_provider_schemas.py for provenance and the
/// relaxations ENDPOINTS.md calls for). Recordings with no official schema are listed with the reason.
@Suite("Recordings conform to the provider specs")
struct SpecConformanceTests {
    /// The extracted schemas and each spec's shared definitions.
    static let fixture: JSONValue? = try? JSONValue(parsing: Data(contentsOf: Repository.fixtures
        .appendingPathComponent("provider-schemas.json")))

    /// Why a recording has no schema check, or nil when it must have one.
    static func skipReason(_ recording: Recording) -> String? {
        switch recording.response.body {
        case .whole(.fixed(let bytes)) where bytes.isEmpty:
            return "no body (\(recording.response.status.code))"
        case .generated:
            return "binary audio/mpeg: the spec declares a binary body; the content type is checked instead"
        case .whole(.fixed) where recording.response.headers["Content-Type"] == "audio/mpeg":
            return "binary audio/mpeg: the spec declares a binary body; the content type is checked instead"
        case .chunks(let chunks) where chunks.allSatisfy(\.isBinary):
            return "binary audio/mpeg stream: checked by content type"
        default: break
        }
        guard recording.operation.schema == nil else { return nil }
        switch recording.provider {
        case .heygen:
            return "HeyGen's classic v1/v2 endpoints have no machine-readable spec (ENDPOINTS.md §3a, SOURCES.md)"
        case .elevenlabs:
            return "ElevenLabs' {detail:{status,message}} errors are documented in help articles, not the spec (ENDPOINTS.md §2)"
        case .huggingface:
            return "Hugging Face documents this body only in prose or in its JS SDK (ENDPOINTS.md §7)"
        default:
            return nil
        }
    }

    /// A request that fills every template placeholder the recordings use with a plausible value.
    static func sampleRequest(for recording: Recording) -> MockRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        var body = #"{"model":"gpt-4o-mini","content":"hello","channel":"C0123456789","text":"hi","ts":"1503435956.000247","inputs":"x"}"#
        if recording.provider == .stripe {
            headers = ["Content-Type": "application/x-www-form-urlencoded"]
            body = "amount=1099&currency=usd&customer=cus_QXg1o8vcGmoR32"
        }
        let head = HTTPRequestHead(method: recording.matcher.method ?? .post,
                                   target: recording.provider.pathPrefix + "/x?video_id=f4b7c2a9e1d34b5c8a6f0e9d2c1b3a47",
                                   headers: headers)
        return MockRequest(provider: recording.provider, request: HTTPRequest(head: head, body: .bytes(Array(body.utf8))))
    }

    static let parameters = ["channel_id": "1180937532917592000", "message_id": "1180937532917592128",
                             "webhook_id": "1180937532917592064", "webhook_token": "token", "customer": "cus_QXg1o8vcGmoR32",
                             "voice_id": "21m00Tcm4TlvDq8ikWAM", "model": "gpt2", "rest": "v1/x", "method": "chat.postMessage"]

    /// The JSON documents a response sends: the body, or each SSE event's data (except `[DONE]`).
    static func documents(_ recording: Recording) throws -> [JSONValue] {
        let request = sampleRequest(for: recording)
        switch recording.response.body {
        case .whole(let content):
            return [try JSONValue(parsing: content.bytes(request, parameters: parameters))]
        case .chunks(let chunks):
            return try chunks.compactMap { chunk in
                let text = String(decoding: chunk.content.bytes(request, parameters: parameters), as: UTF8.self)
                guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("data:") }) else { return nil }
                let data = line.dropFirst(5).drop { $0 == " " }
                if data == "[DONE]" { return Optional<JSONValue>.none }
                return try JSONValue(parsing: String(data))
            }
        case .generated:
            return []
        }
    }

    @Test("every recording's body validates against its provider schema, or has a stated reason not to")
    func conformance() throws {
        let fixture = try #require(Self.fixture, "Fixtures/provider-schemas.json is missing")
        let recordings = try RecordingLoader.load(directory: Repository.recordings)
        var checked = 0
        var skipped: [String: [String]] = [:]
        var validators: [String: JSONSchemaValidator] = [:]  // one compile per schema: recordings share them
        for recording in recordings {
            if let reason = Self.skipReason(recording) {
                skipped[reason, default: []].append(recording.id)
                continue
            }
            let key = recording.operation.spec + "#" + (recording.operation.schema ?? "")
            guard case .object(var schema)? = fixture["schemas"]?[key] else {
                Issue.record("\(recording.id): no schema \(key) in provider-schemas.json and no reason to skip")
                continue
            }
            if let definitions = fixture["definitions"]?[recording.operation.spec] { schema["definitions"] = definitions }
            let validator = try validators[key] ?? JSONSchemaValidator(schema: .object(schema))
            validators[key] = validator
            let documents = try Self.documents(recording)
            #expect(!documents.isEmpty, "\(recording.id): no JSON body")
            for document in documents {
                let errors = validator.validate(document)
                #expect(errors.isEmpty, "\(recording.id) vs \(key): \(errors.prefix(3).map(\.description)) in \(document.serialized().prefix(80))")
            }
            checked += 1
        }
        #expect(checked >= 50, "checked \(checked)")
        for (reason, ids) in skipped.sorted(by: { $0.key < $1.key }) {
            print("spec check skipped for \(ids.count): \(reason): \(ids.joined(separator: ", "))")
        }
    }

    @Test("binary recordings declare the content type the spec gives (audio/mpeg)")
    func binaryContentTypes() throws {
        let recordings = try RecordingLoader.load(directory: Repository.recordings).filter { $0.id.hasPrefix("elevenlabs.tts") }
        for recording in recordings where recording.response.status.code == 200 {
            #expect(recording.response.headers["Content-Type"] == "audio/mpeg", "\(recording.id)")
        }
    }
}

extension RecordedResponse.Chunk {
    /// Whether the chunk is raw bytes rather than an SSE event (`data: …`).
    var isBinary: Bool {
        if case .fixed(let bytes) = content { return !bytes.starts(with: Array("data:".utf8)) }
        return false
    }
}
