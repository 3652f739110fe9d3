/// An HTTP request method: an open set of tokens (RFC 9110 §9), with the common ones as static members.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent, case-sensitive (RFC 9110 §9.1).
    public let rawValue: String

    /// Wraps a token; returns nil when it is not a valid RFC 9110 token.
    public init?(rawValue: String) {
        guard ByteClass.isToken(rawValue.utf8) else { return nil }
        self.rawValue = rawValue
    }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Methods the server recognizes: the IANA HTTP Method Registry and PURGE. Others are answered 501
    /// (RFC 9110 §9.1: an unrecognized method SHOULD get 501 Not Implemented).
    public static let registered: Set<String> = [
        "ACL", "BASELINE-CONTROL", "BIND", "CHECKIN", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD",
        "LABEL", "LINK", "LOCK", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MKREDIRECTREF", "MKWORKSPACE",
        "MOVE", "OPTIONS", "ORDERPATCH", "PATCH", "POST", "PRI", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "QUERY",
        "REBIND", "REPORT", "SEARCH", "TRACE", "UNBIND", "UNCHECKOUT", "UNLINK", "UNLOCK", "UPDATE",
        "UPDATEREDIRECTREF", "VERSION-CONTROL",
    ]

    /// The registered method spelled by `bytes`, or nil (→ 501). The common methods share their static values,
    /// so the request path allocates no string for them.
    public static func registered(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        switch bytes.count {
        case 3:
            if bytes[0] == 0x47, bytes[1] == 0x45, bytes[2] == 0x54 { return .get }
            if bytes[0] == 0x50, bytes[1] == 0x55, bytes[2] == 0x54 { return .put }
        case 4:
            if bytes[0] == 0x50, bytes[1] == 0x4F, bytes[2] == 0x53, bytes[3] == 0x54 { return .post }
            if bytes[0] == 0x48, bytes[1] == 0x45, bytes[2] == 0x41, bytes[3] == 0x44 { return .head }
        default:
            break
        }
        let name = String(decoding: bytes, as: UTF8.self)
        return registered.contains(name) ? HTTPMethod(unchecked: name) : nil
    }

    public static let get = HTTPMethod(unchecked: "GET")
    public static let head = HTTPMethod(unchecked: "HEAD")
    public static let post = HTTPMethod(unchecked: "POST")
    public static let put = HTTPMethod(unchecked: "PUT")
    public static let patch = HTTPMethod(unchecked: "PATCH")
    public static let delete = HTTPMethod(unchecked: "DELETE")
    public static let options = HTTPMethod(unchecked: "OPTIONS")
    public static let connect = HTTPMethod(unchecked: "CONNECT")
    public static let trace = HTTPMethod(unchecked: "TRACE")
}
