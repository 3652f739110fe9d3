import HTTPCore

/// A way a surface documents for presenting credentials.
public enum AuthScheme: Sendable, Equatable {
    /// `Authorization: Api-Key <key>` (seed 000).
    case apiKeyHeader
    /// `Authorization: Token <key>` (seed 000).
    case tokenHeader
    /// `Authorization: Bearer <key or JWT>` (seeds 001, 002, 003, 004).
    case bearer
    /// `X-API-Key: <key>` (seed 001) and `x-api-key: apiKey.<id>.<key>` (seed 003).
    case apiKeyField
    /// Cookie `token=<key or JWT>` (seed 001).
    case cookie

    /// The credential text this scheme finds in the request, if any.
    func credential(in headers: HTTPHeaders) -> String? {
        switch self {
        case .apiKeyHeader: return Self.authorization(headers, scheme: "Api-Key")
        case .tokenHeader: return Self.authorization(headers, scheme: "Token")
        case .bearer: return Self.authorization(headers, scheme: "Bearer")
        case .apiKeyField: return headers["X-API-Key"].flatMap { $0.isEmpty ? nil : $0 }
        case .cookie: return Self.cookie(headers, name: "token")
        }
    }

    /// The credentials after `<scheme> ` in Authorization; the scheme name is case-insensitive (RFC 9110 §11.1).
    static func authorization(_ headers: HTTPHeaders, scheme: String) -> String? {
        guard let value = headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].equalsIgnoringASCIICase(scheme) else { return nil }
        let credential = parts[1].trimmingASCIIWhitespace()
        return credential.isEmpty ? nil : credential
    }

    /// A cookie's value from the Cookie header (RFC 6265 §5.4).
    static func cookie(_ headers: HTTPHeaders, name: String) -> String? {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingASCIIWhitespace() == name {
                    return parts[1].trimmingASCIIWhitespace()
                }
            }
        }
        return nil
    }
}
