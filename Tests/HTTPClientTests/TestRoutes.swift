import HTTPCore

/// Canned routes most tests share.
enum TestRoutes {
    /// Dispatches on the path:
    /// - `/echo`: the request body back, with `X-Echo-Method`, `X-Echo-Content-Type` and `X-Echo-Target`;
    /// - `/headers`: the request's header fields, one `name: value` line each, in order;
    /// - `/status/N`: status N with body `status N`;
    /// - `/fields`: a response with repeated and mixed-case fields in a known order;
    /// - `/redirect`: 302 to `/echo`; `/loop`: 302 to itself;
    /// - `/bytes?count=N`: N bytes of `index % 251`;
    /// - `/never`: no answer for 30 s.
    @Sendable static func respond(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.path
        switch path {
        case "/echo":
            var headers: HTTPHeaders = ["X-Echo-Method": request.method.rawValue, "X-Echo-Target": request.head.target]
            if let type = request.headers["Content-Type"] { headers.add(name: "X-Echo-Content-Type", value: type) }
            return HTTPResponse(status: .ok, headers: headers, body: .bytes(request.bodyBytes))
        case "/headers":
            let lines = request.headers.map { "\($0.name): \($0.value)\n" }.joined()
            return .text(lines)
        case "/fields":
            return HTTPResponse(status: .ok, headers: HTTPHeaders([
                ("X-First", "1"), ("set-cookie", "a=1"), ("X-Middle", "m"), ("Set-Cookie", "b=2"), ("x-last", "z"),
            ]), body: .bytes(Array("fields".utf8)))
        case "/redirect":
            return HTTPResponse(status: HTTPStatus(code: 302), headers: ["Location": "/echo", "X-Hop": "1"],
                                body: .bytes(Array("moved".utf8)))
        case "/loop":
            return HTTPResponse(status: HTTPStatus(code: 302), headers: ["Location": "/loop"], body: .empty)
        case "/bytes":
            let count = Int(request.query("count") ?? "") ?? 0
            return HTTPResponse(status: .ok, contentType: "application/octet-stream", bytes: pattern(count))
        case "/never":
            try await Task.sleep(for: .seconds(30))
            return .text("too late")
        default:
            if path.hasPrefix("/status/"), let code = Int(path.dropFirst("/status/".count)) {
                return .text("status \(code)", status: HTTPStatus(code: code))
            }
            return .text("no route", status: .notFound)
        }
    }

    /// `count` bytes of `index % 251`, a pattern that shows misplaced or lost chunks.
    static func pattern(_ count: Int) -> [UInt8] {
        let period = (0..<251).map { UInt8($0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + period.count)
        while bytes.count < count { bytes += period }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
