/// The request line and header fields of one request (RFC 9112 §3, §5).
public struct HTTPRequestHead: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as sent (origin-form `/path?query`, absolute-form, authority-form or `*`).
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders

    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:]) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The path part of the target, without query or fragment, still percent-encoded.
    public var path: String {
        var target = target
        return target.withUTF8 { bytes in
            guard let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) else {
                return self.target
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
        }
    }

    /// The raw query string after `?` (without fragment), or nil when the target has none.
    /// (Scanned over contiguous UTF-8: the generic `String.UTF8View` search cost about 500 instructions a request.)
    public var query: String? {
        var target = target
        return target.withUTF8 { bytes in
            guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return nil }
            let rest = bytes[(mark + 1)...]
            let end = rest.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(mark + 1)..<end]), as: UTF8.self)
        }
    }

    /// Whether the connection stays open after this exchange (RFC 9112 §9.3).
    public var keepAlive: Bool {
        guard headers.contains("Connection") else { return version.minor >= 1 }
        let options = headers.listValues(for: "Connection")
        if options.contains(where: { $0.equalsIgnoringASCIICase("close") }) { return false }
        if version.minor >= 1 { return true }
        return options.contains(where: { $0.equalsIgnoringASCIICase("keep-alive") })
    }

    /// Whether the client asked for `100 Continue` before sending its body (RFC 9110 §10.1.1).
    public var expectsContinue: Bool {
        headers["Expect"].map { $0.equalsIgnoringASCIICase("100-continue") } ?? false
    }
}
