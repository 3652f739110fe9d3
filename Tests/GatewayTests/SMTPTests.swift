import Foundation
import Gateway
import HTTPClient
import JSONSchema
import Synchronization
import Testing

@Suite("Seed 002: SMTP send_email")
struct SMTPTests {
    /// Creates an smtp credential with `smtp` as its data, a connector and a one-step `send_email` workflow, runs it
    /// for ada@example.com and order A-7, and returns the execution once it has finished.
    static func mailWorkflow(_ gateway: TestGateway, smtp: String) async throws -> JSONValue {
        let auth = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"]
        let credential = try await gateway.request("POST", "/api/v1/credentials", headers: auth,
            body: #"{"name":"Mail","type":"custom","provider":"smtp","data":\#(smtp)}"#)
        let connector = try await gateway.request("POST", "/api/v1/connectors", headers: auth,
            body: #"{"name":"Mail","type":"smtp","credentialId":"\#(credential.json["id"]?.stringValue ?? "")"}"#)
        #expect(connector.status == 201)
        let workflow = try await gateway.request("POST", "/api/v1/workflows", headers: auth,
            body: #"{"name":"notify","definition":{"steps":[{"name":"mail","type":"connector","config":{"connectorId":"\#(connector.json["id"]?.stringValue ?? "")","action":"send_email","input":{"to":"{{input.email}}","subject":"Order {{input.order}}","text":"Thanks!"}}}]}}"#)
        let started = try await gateway.request("POST", "/api/v1/workflows/\(workflow.json["id"]?.stringValue ?? "")/execute",
                                                headers: auth, body: #"{"input":{"email":"ada@example.com","order":"A-7"}}"#)
        let id = try #require(started.json["executionId"]?.stringValue)
        let execution = Mutex<JSONValue>(.null)
        _ = await TestGateway.eventually {
            let latest = (try? await gateway.request("GET", "/api/v1/executions/\(id)", headers: auth).json) ?? .null
            execution.withLock { $0 = latest }
            return ["completed", "failed"].contains(latest["status"]?.stringValue ?? "")
        }
        return execution.withLock { $0 }
    }

    @Test("the SMTP client delivers to the sink with AUTH, envelope and RFC 5322 headers")
    func clientToSink() async throws {
        let sink = try SMTPSink()
        sink.start()
        let id = try await SMTPClient.send(EmailMessage(from: "Bot <bot@example.com>", to: ["a@example.com", "b@example.com"],
                                                        subject: "Déjà vu", text: "Hello\n.starts with a dot"),
                                           via: SMTPServer(host: "127.0.0.1", port: sink.port, user: "bot", password: "pw", security: "none"))
        let mail = try #require(sink.messages.first)
        #expect(mail.from == "bot@example.com")
        #expect(mail.recipients == ["a@example.com", "b@example.com"])
        #expect(mail.authenticatedUser == "bot")
        #expect(mail.data.contains("Message-ID: <\(id)>"))
        #expect(mail.data.contains("Subject: =?UTF-8?B?"))
        #expect(mail.data.hasSuffix("Hello\r\n.starts with a dot"), "dot-stuffing is undone")
        sink.stop()
    }

    @Test("a workflow's smtp connector step sends the templated email")
    func workflowStep() async throws {
        let sink = try SMTPSink()
        sink.start()
        let gateway = try await TestGateway.start(rateLimit: 100_000)
        let execution = try await Self.mailWorkflow(gateway, smtp: #"{"host":"127.0.0.1","port":\#(sink.port),"user":"mailer","password":"pw","security":"none","from":"Shop <shop@example.com>"}"#)
        #expect(execution["status"] == "completed", "\(execution)")
        let mail = try #require(sink.messages.first)
        #expect(mail.recipients == ["ada@example.com"])
        #expect(mail.data.contains("Subject: Order A-7"))
        #expect(mail.authenticatedUser == "mailer")
        #expect(mail.from == "shop@example.com")
        await gateway.stop()
        sink.stop()
    }

    @Test("against Debian's exim4: the client authenticates and delivers; a wrong password is refused")
    func clientToExim() async throws {
        let status = try await EximServer.with { exim in
            let server = SMTPServer(host: "127.0.0.1", port: exim.port, user: EximServer.user, password: EximServer.password,
                                    security: "none")
            let id = try await SMTPClient.send(EmailMessage(from: "Bot <bot@example.com>", to: ["ada@example.com"],
                                                            subject: "Déjà vu", text: "Hello\n.starts with a dot"), via: server)
            let mail = try #require(try await exim.waitForMessages(1).first)
            #expect(mail.contains("Envelope-to: ada@example.com"))
            #expect(mail.contains("Message-ID: <\(id)>"))
            #expect(mail.contains("Subject: =?UTF-8?B?"))
            #expect(mail.contains("with esmtpa"), "delivered after AUTH")
            #expect(mail.hasSuffix("Hello\n.starts with a dot\n"), "exim stores lines with LF; the dot is unstuffed")
            var refused = server
            refused.password = "wrong"
            await #expect(throws: (any Error).self) {
                _ = try await SMTPClient.send(EmailMessage(from: "bot@example.com", to: ["b@example.com"], subject: "x", text: "x"),
                                              via: refused)
            }
        }
        #expect(status == 0, "exim stops cleanly")
    }

    @Test("a workflow's smtp connector step delivers through Debian's exim4")
    func workflowStepToExim() async throws {
        let status = try await EximServer.with { exim in
            let gateway = try await TestGateway.start(rateLimit: 100_000)
            let execution = try await Self.mailWorkflow(gateway, smtp: #"{"host":"127.0.0.1","port":\#(exim.port),"user":"\#(EximServer.user)","password":"\#(EximServer.password)","security":"none","from":"shop@example.com"}"#)
            #expect(execution["status"] == "completed", "\(execution)")
            let mail = try #require(try await exim.waitForMessages(1).first)
            #expect(mail.contains("Envelope-to: ada@example.com"))
            #expect(mail.contains("Return-path: <shop@example.com>"))
            #expect(mail.contains("Subject: Order A-7"))
            await gateway.stop()
        }
        #expect(status == 0, "exim stops cleanly")
    }
}
