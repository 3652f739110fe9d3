import Foundation
import HTTPClient
import JSONSchema

/// Runs the SMTP connector's `send_email` with the credential's `host`, `port`, `user`, `password` (and
/// optional `security`: none, starttls, require, tls; `from`).
enum EmailSender {
    static func send(_ input: JSONValue, credential: JSONValue?, timeout: Duration) async throws -> OperationResult {
        guard let credential, let host = credential["host"]?.stringValue,
              let port = credential["port"]?.intValue ?? credential["port"]?.stringValue.flatMap(Int.init) else {
            throw PlatformError.invalid("the smtp credential needs host and port")
        }
        let recipients = input["to"]?.arrayValue?.compactMap(\.stringValue) ?? input["to"]?.stringValue.map { [$0] } ?? []
        // The sender: input.from, else the credential's from, else its user when that is an address. Servers refuse
        // an unqualified sender (exim: "unqualified sender rejected"), so there is no made-up default.
        let candidates = [input["from"]?.stringValue, credential["from"]?.stringValue,
                          credential["user"]?.stringValue.flatMap { $0.contains("@") ? $0 : nil }]
        guard let from = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw PlatformError.invalid("send_email needs a sender: input.from, or a from address in the smtp credential")
        }
        let message = EmailMessage(from: from, to: recipients, cc: input["cc"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                   subject: input["subject"]?.stringValue ?? "", text: input["text"]?.stringValue ?? "",
                                   html: input["html"]?.stringValue)
        let server = SMTPServer(host: host, port: port, user: credential["user"]?.stringValue,
                                password: credential["password"]?.stringValue,
                                security: credential["security"]?.stringValue ?? "starttls")
        let start = ContinuousClock.now
        do {
            let id = try await SMTPClient.send(message, via: server, timeout: timeout)
            return OperationResult(status: 250, body: ["messageId": .string(id), "accepted": .array(recipients.map(JSONValue.string))],
                                   durationMs: LLMExecutor.milliseconds(since: start))
        } catch {
            return OperationResult(status: 502, body: ["error": .string(String(describing: error))],
                                   durationMs: LLMExecutor.milliseconds(since: start))
        }
    }
}
