/// An HTTP request method: an open set of tokens (RFC 9110 §9), with the common ones as static members.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent, case-sensitive (RFC 9110 §9.1).
    public let rawValue: String

    /// Wraps a token; returns nil when it is not a valid RFC 9110 token.
    public init?(rawValue: String) {
        guard !rawValue.isEmpty, rawValue.utf8.allSatisfy({ ByteClass.isToken($0) }) else { return nil }
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
