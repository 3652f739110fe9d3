/// Why a request failed; the detail is curl's error text and never holds request headers or bodies.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is malformed or its scheme is not `http` or `https`.
    case invalidURL(String)
    /// A header name or value cannot be sent (not a token, or holds CR, LF or NUL).
    case invalidRequest(String)
    /// No connection: refused, unresolvable host, unreachable network, reset or closed early.
    case connectionFailed(String)
    /// The TLS handshake or the peer's certificate failed, or the CA bundle could not be read.
    case tls(String)
    /// A connect, total or idle timeout expired.
    case timeout(String)
    /// The caller's task was cancelled or the response body was dropped before its end.
    case cancelled
    /// More redirects than the policy allows.
    case tooManyRedirects(String)
    /// The server's response could not be understood or ended before its announced length.
    case invalidResponse(String)
    /// The streamed request body threw.
    case requestBodyFailed(String)
    /// The client was shut down.
    case shutdown
    /// Any other failure curl reports.
    case transferFailed(String)

    public var description: String {
        switch self {
        case .invalidURL(let detail): return "invalid URL: \(detail)"
        case .invalidRequest(let detail): return "invalid request: \(detail)"
        case .connectionFailed(let detail): return "connection failed: \(detail)"
        case .tls(let detail): return "TLS failure: \(detail)"
        case .timeout(let detail): return "timeout: \(detail)"
        case .cancelled: return "cancelled"
        case .tooManyRedirects(let detail): return "too many redirects: \(detail)"
        case .invalidResponse(let detail): return "invalid response: \(detail)"
        case .requestBodyFailed(let detail): return "request body failed: \(detail)"
        case .shutdown: return "the HTTP client was shut down"
        case .transferFailed(let detail): return "transfer failed: \(detail)"
        }
    }
}
