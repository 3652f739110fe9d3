import HTTPCore

/// A request checked and reduced to curl's terms before it reaches the curl thread.
struct TransferPlan: Sendable {
    let url: String
    let method: HTTPMethod
    /// `Name: value` lines for `CURLOPT_HTTPHEADER`, including the removals of curl's own defaults.
    let headerLines: [String]
    let body: EncodedRequestBody
    let timeoutMilliseconds: Int?
    let connectTimeoutMilliseconds: Int?
    let idleTimeoutSeconds: Int?
    let redirects: HTTPClient.RedirectPolicy
    let tls: HTTPClient.TLSConfiguration
    let proxy: HTTPClient.Proxy

    /// Request fields curl owns: message framing and hop-by-hop fields (RFC 9110 §7.6.1).
    static let droppedFields: Set<String> = [
        "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te", "upgrade",
    ]

    /// Methods whose request carries a body even when empty (`Content-Length: 0`, RFC 9110 §8.6).
    static let methodsWithBody: Set<HTTPMethod> = [.post, .put, .patch]

    /// Validates the URL and fields and merges the request's limits with the client's.
    init(_ request: HTTPClientRequest, configuration: HTTPClient.Configuration) throws(HTTPClientError) {
        try TransferPlan.validate(url: request.url)
        var (body, contentType) = request.body.encoded()
        if case .none = body, TransferPlan.methodsWithBody.contains(request.method) { body = .bytes([]) }
        url = request.url
        method = request.method
        self.body = body
        headerLines = try TransferPlan.headerLines(request.headers, body: body, contentType: contentType)
        timeoutMilliseconds = (request.timeout ?? configuration.timeout)?.roundedUpMilliseconds
        connectTimeoutMilliseconds = (request.connectTimeout ?? configuration.connectTimeout)?.roundedUpMilliseconds
        idleTimeoutSeconds = (request.idleTimeout ?? configuration.idleTimeout).map {
            ($0.roundedUpMilliseconds + 999) / 1000
        }
        redirects = request.redirects ?? configuration.redirects
        tls = configuration.tls
        proxy = configuration.proxy
    }

    /// Accepts absolute `http` and `https` URLs without spaces or control bytes; the detail never echoes the URL.
    static func validate(url: String) throws(HTTPClientError) {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw .invalidURL("the URL must be absolute with scheme http or https")
        }
        guard url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw .invalidURL("the URL contains a space or a control character")
        }
    }

    /// The lines curl sends: the caller's fields in order, then blanks that stop curl adding its defaults.
    static func headerLines(
        _ headers: HTTPHeaders, body: EncodedRequestBody, contentType: String?
    ) throws(HTTPClientError) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(headers.count + 4)
        for field in headers where !droppedFields.contains(field.name.lowercased()) {
            guard ByteClass.isToken(field.name.utf8) else {
                throw .invalidRequest("a header name is not a token")
            }
            guard field.value.utf8.allSatisfy(ByteClass.isFieldValue) else {
                throw .invalidRequest("the value of header \(field.name) holds a control character")
            }
            // curl drops "Name:" with nothing after it; "Name;" sends the field with an empty value.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if !headers.contains("Accept") { lines.append("Accept:") }
        if case .none = body { return lines }
        if !headers.contains("Content-Type") {
            lines.append(contentType.map { "Content-Type: \($0)" } ?? "Content-Type:")
        }
        if !headers.contains("Expect") { lines.append("Expect:") }
        if case .stream(_, nil) = body { lines.append("Transfer-Encoding: chunked") }
        return lines
    }
}

extension Duration {
    /// Whole milliseconds, rounded up, at least 1 (curl reads 0 as "no limit").
    var roundedUpMilliseconds: Int {
        let (seconds, attoseconds) = components
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow, seconds >= 0 else { return seconds < 0 ? 1 : Int.max }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(clamping: milliseconds.addingReportingOverflow(fraction).partialValue))
    }
}
