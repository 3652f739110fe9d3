import Foundation
import JSONSchema
import Testing
@testable import MockUpstream

/// The recordings in the repository load, and bad recording files are refused with the file and field named.
@Suite("Loading recordings")
struct LoadingTests {
    @Test("every recording in Recordings/ loads, with unique ids, for all seven providers")
    func repositoryRecordingsLoad() throws {
        let recordings = try RecordingLoader.load(directory: Repository.recordings)
        #expect(recordings.count > 60)
        #expect(Set(recordings.map(\.provider)) == Set(Provider.all))
        #expect(Set(recordings.map(\.id)).count == recordings.count)
    }

    @Test("the schema file in Recordings/ is the one the loader enforces")
    func schemaFileMatchesEmbeddedCopy() throws {
        let file = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: Repository.recordings)
            .appendingPathComponent("recording.schema.json")))
        #expect(file == (try JSONValue(parsing: RecordingSchema.text)))
    }

    @Test("a bad recording is refused with its file and field",
          arguments: [
            (#"{"provider":"openai"}"#, "", "recordings"),
            (#"{"provider":"acme","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1"},"response":{"status":200}}]}"#,
             "/provider", "must be equal to one of"),
            (#"{"provider":"openai","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1"},"response":{"status":"200"}}]}"#,
             "/recordings/0/response/status", ""),
            (#"{"provider":"openai","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1","headers":{"A":{"regex":"("}}},"response":{"status":200}}]}"#,
             "/recordings/0/request/headers/A/regex", "invalid regular expression"),
            (#"{"provider":"openai","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1/{a"},"response":{"status":200}}]}"#,
             "/recordings/0/request/path", "not a {parameter}"),
            (#"{"provider":"openai","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1"},"response":{"status":200,"template":true,"text":"{{nope.x}}"}}]}"#,
             "/recordings/0/response/text", "unknown namespace"),
            (#"{"provider":"openai","recordings":[{"id":"x","operation":{"spec":"s","id":"o"},"request":{"method":"GET","path":"/v1"},"response":{"status":200,"json":{},"text":""}}]}"#,
             "/recordings/0/response", ""),
          ] as [(String, String, String)])
    func badRecording(_ text: String, _ field: String, _ message: String) throws {
        let document = try JSONValue(parsing: text)
        do {
            _ = try RecordingLoader.compile(document, file: "openai/bad.json", firstOrder: 0)
            Issue.record("loaded a bad recording")
        } catch {
            #expect(error.file == "openai/bad.json")
            #expect(error.field == field, "\(error)")
            #expect(message.isEmpty || error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("openai/bad.json: "))
        }
    }

    @Test("a directory with a broken file fails to start, naming the file")
    func brokenDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mock-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("slack"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"provider":"slack","recordings":[{"id":"a"}]}"#.utf8)
            .write(to: directory.appendingPathComponent("slack/broken.json"))
        await #expect(throws: RecordingLoadError.self) {
            _ = try await MockUpstream.start(recordingsDirectory: directory.path)
        }
        do {
            _ = try RecordingLoader.load(directory: directory.path)
        } catch {
            #expect(error.file == "slack/broken.json")
            #expect(error.field.hasPrefix("/recordings/0"))
        }
    }
}
