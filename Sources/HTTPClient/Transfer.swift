import CCurl
import HTTPCore

/// One exchange in flight: its easy handle and callback state, and the channels back to its caller.
///
/// `@unchecked Sendable`: the sending task sets the fields below before `.add` goes through the loop's locked
/// inbox; from then on only the curl thread touches them. The buffers are Mutex-protected and shared.
final class Transfer: @unchecked Sendable {
    /// Where the transfer is, as the curl thread sees it.
    enum Phase {
        case created, running, done
    }

    let plan: TransferPlan
    let body: ResponseBodyBuffer
    let upload: UploadBuffer?
    /// The loop that runs this transfer, told when the head is ready.
    let loop: CurlLoop

    var phase = Phase.created
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var parser: ResponseHeadParser
    var headContinuation: CheckedContinuation<ResponseHead, any Error>?
    var cancelRequested = false
    /// Why a callback aborted the transfer, when one did.
    var callbackAbort: HTTPClientError?
    var uploadTask: Task<Void, Never>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(plan: TransferPlan, configuration: HTTPClient.Configuration, metrics: ClientMetrics, loop: CurlLoop) {
        self.plan = plan
        self.loop = loop
        body = ResponseBodyBuffer(limit: configuration.responseBufferLimit, metrics: metrics)
        if case .stream = plan.body {
            upload = UploadBuffer(limit: configuration.uploadBufferLimit)
        } else {
            upload = nil
        }
        if case .follow = plan.redirects {
            parser = ResponseHeadParser(followsRedirects: true)
        } else {
            parser = ResponseHeadParser(followsRedirects: false)
        }
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Handles a header line from curl (curl thread); returns the bytes consumed.
    func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        if parser.consume(line) == .deliver { loop.headIsReady(self) }
        return line.count
    }

    /// Handles body bytes from curl (curl thread); returns the bytes consumed, a pause, or 0 to abort.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if !parser.isDelivered {
            if parser.isSkippingRedirect { return bytes.count }
            guard parser.head != nil else {
                callbackAbort = .invalidResponse("body bytes arrived before a status line")
                return 0
            }
            parser.markDelivered()
            loop.headIsReady(self)
        }
        switch body.offer(bytes) {
        case .accepted: return bytes.count
        case .paused: return Int(sb_curl_writefunc_pause())
        case .closed:
            callbackAbort = .cancelled
            return 0
        }
    }

    /// Fills curl's upload buffer from the streamed request body (curl thread).
    func sendBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let upload else { return 0 }
        switch upload.read(into: buffer) {
        case .bytes(let count): return count
        case .pause: return Int(sb_curl_readfunc_pause())
        case .end: return 0
        case .abort: return Int(sb_curl_readfunc_abort())
        }
    }

    /// Ends the transfer with curl's result, or with `.cancelled`/`.shutdown` when it was stopped (curl thread).
    func complete(code: CURLcode?, stopped: HTTPClientError? = nil) {
        phase = .done
        let error: HTTPClientError?
        if let stopped {
            error = stopped
        } else if let code, code != CURLE_OK {
            if upload?.hasFailed == true {
                error = .requestBodyFailed("the request body stream threw")
            } else if cancelRequested {
                error = .cancelled
            } else if let callbackAbort {
                error = callbackAbort
            } else {
                error = HTTPClientError(curlCode: code, message: String(cString: errorBuffer))
            }
        } else {
            error = nil
        }
        uploadTask?.cancel()
        upload?.close()
        if let continuation = headContinuation {
            headContinuation = nil
            if let error {
                continuation.resume(throwing: error)
            } else if let head = parser.head {
                parser.markDelivered()
                continuation.resume(returning: head)
            } else {
                continuation.resume(throwing: HTTPClientError.invalidResponse("the server sent no status line"))
            }
        }
        body.finish(error)
    }

    /// Hands the final head to the waiting `send` (curl thread, after the perform pass in which it arrived, so
    /// that a small body and its end are usually buffered by the time the caller reads them: one thread hop).
    func deliverHead() {
        guard phase == .running, let continuation = headContinuation, let head = parser.head else { return }
        headContinuation = nil
        continuation.resume(returning: head)
    }
}
