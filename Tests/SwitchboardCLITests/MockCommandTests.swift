import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `switchboard mock` and `switchboard record` as separate processes, driven over real sockets.
@Suite("switchboard mock and record")
struct MockCommandTests {
    static let openAIKey = ("Authorization", "Bearer sk-cli-test-0123456789")

    /// `switchboard mock` on a free port replaying `recordings` (the repository's by default), delays off.
    static func startMock(recordings: String = repositoryRoot().appendingPathComponent("Recordings").path,
                          _ extra: [String] = []) async throws -> SwitchboardProcess {
        try await SwitchboardProcess.start(["mock", "--port", "0", "--recordings", recordings] + extra,
                                           environment: ["SWITCHBOARD_MOCK_SPEED": "0"])
    }

    @Test("mock serves every provider under its prefix, journals the calls, and stops on SIGTERM")
    func mockServes() async throws {
        let mock = try await Self.startMock()
        let models = try await onThread { try rawRequest("\(mock.baseURL)/openai/v1/models", headers: [Self.openAIKey]) }
        #expect(models.status == 200)
        #expect(models.text.contains(#""object":"list""#))
        let refused = try await onThread { try rawRequest("\(mock.baseURL)/openai/v1/models") }
        #expect(refused.status == 401, "no key, as OpenAI answers")
        let journal = try await onThread { try rawRequest("\(mock.baseURL)/_mock/journal?provider=openai") }
        #expect(journal.text.contains("/v1/models"))
        #expect(try await mock.stop() == 0)
    }

    @Test("mock replays a 100 MiB body while its resident memory grows by less than 16 MiB")
    func flatMemory() async throws {
        let mock = try await Self.startMock(["--loops", "1"])
        let url = "\(mock.baseURL)/elevenlabs/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/stream"
        let headers = [("xi-api-key", "k"), ("X-Mock-Recording", "elevenlabs.tts.stream.large"),
                       ("Content-Type", "application/json")]
        let body = Array(#"{"text":"long"}"#.utf8)
        _ = try await onThread { try rawRequest("\(mock.baseURL)/openai/v1/models", headers: [Self.openAIKey]) }
        let before = try #require(residentBytes(of: mock.child.pid))
        let pid = mock.child.pid
        let (response, peak) = try await onThread {
            var peak = before
            var sampled = 0
            let response = try rawRequest(url, method: "POST", headers: headers, body: body, keepBody: false) { length in
                if length - sampled >= 1 << 20 {
                    sampled = length
                    peak = max(peak, residentBytes(of: pid) ?? 0)
                }
            }
            return (response, peak)
        }
        #expect(response.status == 200)
        #expect(response.length == 104_857_600)
        #expect(peak - before < 16 << 20, "the mock's RSS grew by \((peak - before) >> 20) MiB")
        #expect(try await mock.stop() == 0)
    }

    @Test("record proxies to a provider, redacts the key, and the file replays identically under mock with another key")
    func recordThenReplay() async throws {
        let provider = try await Self.startMock()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sb-cli-record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorder = try await SwitchboardProcess.start(
            ["record", "--provider", "openai", "--target", "\(provider.baseURL)/openai", "--out", directory.path, "--port", "0"])
        let live = try await onThread { try rawRequest("\(recorder.baseURL)/v1/models", headers: [Self.openAIKey]) }
        #expect(live.status == 200)
        #expect(try await recorder.stop() == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1)
        let written = try String(contentsOf: directory.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(!written.contains("sk-cli-test-0123456789"), "the key is redacted")
        let replay = try await Self.startMock(recordings: directory.path)
        let replayed = try await onThread {
            try rawRequest("\(replay.baseURL)/openai/v1/models", headers: [("Authorization", "Bearer sk-cli-another-key-42")])
        }
        #expect(replayed.status == 200)
        #expect(replayed.text == live.text)
        #expect(try await replay.stop() == 0)
        #expect(try await provider.stop() == 0)
    }
}

/// A process's resident set size in bytes, from `/proc/<pid>/status`.
func residentBytes(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
    return kilobytes * 1024
}
