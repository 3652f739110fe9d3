import Foundation
import Gateway
import HTTPClient
import JSONSchema
import Testing

@Suite("Seed 002: SMTP send_email")
struct SMTPTests {
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
        let gateway = try await TestGateway.start()
        let auth = ["Authorization": "Bearer \(gateway.credentials.apiKey.token)"]
        let credential = try await gateway.request("POST", "/api/v1/credentials", headers: auth,
            body: #"{"name":"Mail","type":"custom","provider":"smtp","data":{"host":"127.0.0.1","port":\#(sink.port),"user":"mailer","password":"pw","security":"none"}}"#)
        let connector = try await gateway.request("POST", "/api/v1/connectors", headers: auth,
            body: #"{"name":"Mail","type":"smtp","credentialId":"\#(credential.json["id"]?.stringValue ?? "")"}"#)
        #expect(connector.status == 201)
        let workflow = try await gateway.request("POST", "/api/v1/workflows", headers: auth,
            body: #"{"name":"notify","definition":{"steps":[{"name":"mail","type":"connector","config":{"connectorId":"\#(connector.json["id"]?.stringValue ?? "")","action":"send_email","input":{"to":"{{input.email}}","subject":"Order {{input.order}}","text":"Thanks!"}}}]}}"#)
        let started = try await gateway.request("POST", "/api/v1/workflows/\(workflow.json["id"]?.stringValue ?? "")/execute", headers: auth,
                                                body: #"{"input":{"email":"ada@example.com","order":"A-7"}}"#)
        let id = try #require(started.json["executionId"]?.stringValue)
        #expect(await TestGateway.eventually {
            (try? await gateway.request("GET", "/api/v1/executions/\(id)", headers: auth).json["status"]) == "completed"
        })
        let mail = try #require(sink.messages.first)
        #expect(mail.recipients == ["ada@example.com"])
        #expect(mail.data.contains("Subject: Order A-7"))
        #expect(mail.authenticatedUser == "mailer")
        await gateway.stop()
        sink.stop()
    }
}
