import Foundation
import HTTPCore
import HTTPServer
import Testing

@Suite("HTTP server over real sockets")
struct ServerBasicsTests {
    @Test("a GET is answered with Date and Content-Length, and the connection stays open")
    func simpleGet() async throws {
        try await withServer(responder: echoResponder) { server in
            let port = try #require(server.port)
            let request = String(repeating: "GET /hello?x=1 HTTP/1.1\r\nHost: t\r\n\r\n", count: 3)
            let (responses, closed) = try await exchange(port: port, request, responses: 3)
            #expect(responses.count == 3)
            #expect(!closed)
            for response in responses {
                #expect(response.status == 200)
                #expect(response.bodyText == "GET /hello?x=1 ")
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
                #expect(response.header("Content-Length") == "15")
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test("keep-alive requests take under 5 ms each on average")
    func keepAliveLatency() async throws {
        try await withServer { server in
            let port = try #require(server.port)
            let (statuses, elapsed) = try await blocking {
                let client = try RawClient(port: port)
                let start = ContinuousClock.now
                var statuses: [Int] = []
                for _ in 0..<200 {
                    client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                    statuses.append(try client.readResponse().status)
                }
                return (statuses, ContinuousClock.now - start)
            }
            #expect(statuses == Array(repeating: 200, count: 200))
            #expect(elapsed / 200 < .milliseconds(5), "mean \(elapsed / 200) per request")
        }
    }

    @Test("HTTP/1.0 closes after the response unless keep-alive is asked for")
    func http10() async throws {
        try await withServer { server in
            let port = try #require(server.port)
            let plain = try await exchange(port: port, "GET / HTTP/1.0\r\n\r\n")
            #expect(plain.closed)
            #expect(plain.responses.first?.header("Connection") == "close")
            let kept = try await exchange(port: port, String(
                repeating: "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", count: 2), responses: 2)
            #expect(kept.responses.map(\.status) == [200, 200])
            #expect(!kept.closed)
        }
    }

    @Test("pipelined requests are answered in order, including one after an ignored body")
    func pipelining() async throws {
        let ignoring = ClosureResponder { request in .text("saw \(request.path)") }
        try await withServer(responder: ignoring) { server in
            let request = "POST /upload HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello worldGET /next HTTP/1.1\r\n\r\n"
                + "POST /chunked HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "GET /last HTTP/1.1\r\n\r\n"
            let (responses, _) = try await exchange(port: try #require(server.port), request, responses: 4)
            #expect(responses.map(\.bodyText) == ["saw /upload", "saw /next", "saw /chunked", "saw /last"])
        }
    }

    @Test("a chunked request body is decoded, trailers and all")
    func chunkedRequest() async throws {
        try await withServer(responder: echoResponder) { server in
            let request = "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
            let (responses, _) = try await exchange(port: try #require(server.port), request)
            #expect(responses.first?.bodyText == "POST /c hello world")
            #expect(responses.first?.header("X-Body-Length") == "11")
        }
    }

    @Test("Expect: 100-continue gets an interim 100 before the body is sent")
    func expectContinue() async throws {
        try await withServer(responder: echoResponder) { server in
            let port = try #require(server.port)
            let (interim, final) = try await blocking {
                let client = try RawClient(port: port)
                client.send("PUT /x HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                let interim = try client.readResponse()
                client.send("data")
                var buffer = interim.rest
                while RawResponse.parse(buffer) == nil, let chunk = client.readSome(), !chunk.isEmpty { buffer += chunk }
                return (interim.status, RawResponse.parse(buffer)?.bodyText)
            }
            #expect(interim == 100)
            #expect(final == "PUT /x data")
        }
    }

    @Test("HEAD gets the headers of GET with no body")
    func head() async throws {
        try await withServer(responder: ClosureResponder { _ in .text("twelve bytes") }) { server in
            let text = try await blocking { () -> String in
                let client = try RawClient(port: try #require(server.port), timeout: 0.5)
                client.send("HEAD / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n")
                return String(decoding: client.readUntilClose().bytes, as: UTF8.self)
            }
            let parts = text.components(separatedBy: "\r\n\r\n")
            #expect(parts[0].contains("Content-Length: 12"))
            #expect(parts.count == 3 && parts[1].hasPrefix("HTTP/1.1 200") && parts[2] == "twelve bytes",
                    "HEAD sent no body, GET did")
        }
    }

    @Test("a handler that throws becomes a 500 without its detail; the connection survives")
    func handlerError() async throws {
        struct Secret: Error {}
        let failing = ClosureResponder { request in
            if request.path == "/boom" { throw Secret() }
            return .text("fine")
        }
        try await withServer(responder: failing) { server in
            let (responses, _) = try await exchange(
                port: try #require(server.port), "GET /boom HTTP/1.1\r\n\r\nGET /ok HTTP/1.1\r\n\r\n", responses: 2)
            #expect(responses.map(\.status) == [500, 200])
            #expect(responses.first?.bodyText.contains("Secret") == false)
            #expect(responses.last?.bodyText == "fine")
        }
    }

    @Test("handlers that suspend are answered, many connections at once")
    func asyncHandlers() async throws {
        let sleepy = ClosureResponder { request in
            try await Task.sleep(for: .milliseconds(20))
            return .text(request.path)
        }
        try await withServer(responder: sleepy) { server in
            let port = try #require(server.port)
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await exchange(port: port, "GET /n\(index) HTTP/1.1\r\n\r\n").responses.first?.bodyText ?? ""
                    }
                }
                var seen = Set<String>()
                for try await body in group { seen.insert(body) }
                return seen
            }
            #expect(bodies == Set((0..<40).map { "/n\($0)" }))
        }
    }
}
