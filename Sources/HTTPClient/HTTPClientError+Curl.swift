import CCurl

extension HTTPClientError {
    /// Maps a curl result to a typed error, with curl's message (or its generic text for the code).
    init(curlCode code: CURLcode, message: String) {
        let detail = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            self = .invalidURL(detail)
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
             CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            self = .connectionFailed(detail)
        case CURLE_OPERATION_TIMEDOUT:
            self = .timeout(detail)
        case CURLE_TOO_MANY_REDIRECTS:
            self = .tooManyRedirects(detail)
        case CURLE_ABORTED_BY_CALLBACK:
            self = .cancelled
        case CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP3:
            self = .invalidResponse(detail)
        default:
            self = HTTPClientError.isTLS(code) ? .tls(detail) : .transferFailed(detail)
        }
    }

    /// Whether the code is one of curl's TLS and certificate errors.
    static func isTLS(_ code: CURLcode) -> Bool {
        switch code {
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return true
        default:
            return false
        }
    }
}
