import CCurl
import HTTPCore

extension Transfer {
    /// Sets every option of the plan on a fresh (or reset) easy handle; returns the first error (curl thread).
    func configure(_ easy: UnsafeMutableRawPointer) -> HTTPClientError? {
        self.easy = easy
        var setter = OptionSetter(easy: easy)
        let user = Unmanaged.passUnretained(self).toOpaque()
        setter.string(CURLOPT_URL, plan.url)
        setter.string(CURLOPT_PROTOCOLS_STR, "http,https")
        setter.string(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        setter.long(CURLOPT_NOSIGNAL, 1)
        setter.long(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        setter.pointer(CURLOPT_ERRORBUFFER, errorBuffer)
        setter.callback(CURLOPT_WRITEFUNCTION, curlWriteCallback)
        setter.pointer(CURLOPT_WRITEDATA, user)
        setter.callback(CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        setter.pointer(CURLOPT_HEADERDATA, user)
        headerList = plan.headerLines.reduce(nil) { curl_slist_append($0, $1) }
        setter.pointer(CURLOPT_HTTPHEADER, headerList)
        configureMethodAndBody(&setter, user: user)
        configureLimits(&setter)
        return setter.failure.map { HTTPClientError(curlCode: $0, message: "") }
    }

    private func configureMethodAndBody(_ setter: inout OptionSetter, user: UnsafeMutableRawPointer) {
        switch plan.body {
        case .none:
            if plan.method == .get {
                setter.long(CURLOPT_HTTPGET, 1)
            } else if plan.method == .head {
                setter.long(CURLOPT_NOBODY, 1)
            } else {
                setter.string(CURLOPT_CUSTOMREQUEST, plan.method.rawValue)
            }
            return
        case .bytes(let bytes):
            setter.long(CURLOPT_POST, 1)
            setter.offset(CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
            // curl copies the bytes; it rewinds its own copy when a request must be resent.
            (bytes.isEmpty ? [0] : bytes).withUnsafeBytes { raw in
                setter.pointer(CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            }
        case .stream(_, let length):
            setter.long(CURLOPT_POST, 1)
            setter.callback(CURLOPT_READFUNCTION, curlReadCallback)
            setter.pointer(CURLOPT_READDATA, user)
            setter.offset(CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(length ?? -1))
        }
        if plan.method != .post { setter.string(CURLOPT_CUSTOMREQUEST, plan.method.rawValue) }
    }

    private func configureLimits(_ setter: inout OptionSetter) {
        if let milliseconds = plan.timeoutMilliseconds { setter.long(CURLOPT_TIMEOUT_MS, milliseconds) }
        if let milliseconds = plan.connectTimeoutMilliseconds { setter.long(CURLOPT_CONNECTTIMEOUT_MS, milliseconds) }
        if let seconds = plan.idleTimeoutSeconds {
            setter.long(CURLOPT_LOW_SPEED_LIMIT, 1)
            setter.long(CURLOPT_LOW_SPEED_TIME, seconds)
        }
        if case .follow(let max) = plan.redirects {
            setter.long(CURLOPT_FOLLOWLOCATION, 1)
            setter.long(CURLOPT_MAXREDIRS, max)
        }
        setter.long(CURLOPT_SSL_VERIFYPEER, plan.tls.verifiesPeer ? 1 : 0)
        setter.long(CURLOPT_SSL_VERIFYHOST, plan.tls.verifiesPeer ? 2 : 0)
        if let path = plan.tls.caBundlePath { setter.string(CURLOPT_CAINFO, path) }
        switch plan.proxy {
        case .environment: break
        case .none: setter.string(CURLOPT_PROXY, "")
        case .url(let url): setter.string(CURLOPT_PROXY, url)
        }
    }
}

/// Typed `curl_easy_setopt` calls that remember the first failure.
struct OptionSetter {
    let easy: UnsafeMutableRawPointer
    private(set) var failure: CURLcode?

    init(easy: UnsafeMutableRawPointer) {
        self.easy = easy
    }

    mutating func long(_ option: CURLoption, _ value: Int) {
        record(sb_curl_setopt_long(easy, option, value))
    }

    mutating func offset(_ option: CURLoption, _ value: curl_off_t) {
        record(sb_curl_setopt_off(easy, option, value))
    }

    mutating func string(_ option: CURLoption, _ value: String) {
        record(sb_curl_setopt_str(easy, option, value))
    }

    mutating func pointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) {
        record(sb_curl_setopt_ptr(easy, option, value))
    }

    mutating func pointer<T>(_ option: CURLoption, _ value: UnsafeMutablePointer<T>?) {
        record(sb_curl_setopt_ptr(easy, option, UnsafeMutableRawPointer(value)))
    }

    mutating func callback(_ option: CURLoption, _ function: sb_curl_data_callback) {
        record(sb_curl_setopt_data_callback(easy, option, function))
    }

    private mutating func record(_ code: CURLcode) {
        if code != CURLE_OK, failure == nil { failure = code }
    }
}
