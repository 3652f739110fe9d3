import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// curl's process-wide setup, done once before the first multi handle exists.
enum CurlGlobal {
    /// The result of `curl_global_init`; reading it the first time runs the setup.
    ///
    /// With `CURLOPT_NOSIGNAL` curl does not ignore SIGPIPE itself (OpenSSL may write to a closed socket),
    /// so the process ignores it, as every server does.
    static let initialized: Bool = {
        #if canImport(Glibc)
        signal(SIGPIPE, SIG_IGN)
        #endif
        return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()
}
