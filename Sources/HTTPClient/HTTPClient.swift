import HTTPCore

/// The gateway's one outbound HTTP client: libcurl with OpenSSL, driven by a single thread.
///
/// Why libcurl and not FoundationNetworking's URLSession, measured here (2 cores, Swift 6.3.1, Debian 12,
/// libcurl 7.88.1, release build, against this package's HTTPServer over loopback keep-alive, 1,000 sequential
/// small GETs after 20 to warm up, three runs): URLSession with one reused session 0.31–0.36 ms per request,
/// this client 0.09–0.10 ms per request (a bare reused curl easy handle with `curl_easy_perform`: 0.033 ms; the
/// difference is the two thread hops of the async API). `OutboundBenchmark.run(url:requests:)` repeats the
/// measurement; `switchboard bench` can call it.
///
/// Design: one thread owns a curl multi handle and sleeps in `curl_multi_poll`; `send` posts the request to it
/// and wakes it with `curl_multi_wakeup`. The multi handle's connection cache keeps connections alive across
/// requests. `send` returns once the final response's head has arrived; the body is an `HTTPBody.stream` fed
/// by curl's write callback through a bounded buffer: when the reader lags by more than
/// `Configuration.responseBufferLimit` bytes the transfer pauses (`CURL_WRITEFUNC_PAUSE`), and the curl thread
/// resumes it (`curl_easy_pause(CURLPAUSE_CONT)`) once the reader has drained half of it. Cancelling the
/// reading task, or dropping the stream before its end, aborts the transfer.
///
/// Keep the client alive while response bodies are read: `shutdown()` (or releasing the client) fails every
/// transfer in flight with `.shutdown`.
public final class HTTPClient: Sendable {
    /// The settings every request starts from.
    public let configuration: Configuration
    let metrics = ClientMetrics()
    private let loop: CurlLoop

    /// Starts the client's curl thread.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        loop = CurlLoop(maxIdleConnections: configuration.maxIdleConnections, metrics: metrics)
    }

    deinit {
        loop.shutdown()
    }

    /// Sends a request and returns when the final response's status line and header fields have arrived.
    ///
    /// A 4xx or 5xx status is a response, not an error; errors are `HTTPClientError`.
    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let plan = try TransferPlan(request, configuration: configuration)
        let transfer = Transfer(plan: plan, configuration: configuration, metrics: metrics, loop: loop)
        if Task.isCancelled { throw HTTPClientError.cancelled }
        startUpload(transfer)
        let head: ResponseHead = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.headContinuation = continuation
                if !loop.submit(.add(transfer)) {
                    transfer.headContinuation = nil
                    transfer.uploadTask?.cancel()
                    continuation.resume(throwing: HTTPClientError.shutdown)
                }
            }
        } onCancel: { [loop] in
            loop.submit(.cancel(transfer))
        }
        let lease = BodyLease(transfer: transfer, loop: loop)
        var response = HTTPClientResponse(
            status: head.status, version: head.version, headers: head.headers, body: .stream(lease.makeStream()))
        response.lease = lease
        return response
    }

    /// Fails transfers in flight with `.shutdown`, closes connections and stops the curl thread; idempotent.
    public func shutdown() {
        loop.shutdown()
    }

    /// Starts reading a streamed request body into the transfer's upload buffer.
    private func startUpload(_ transfer: Transfer) {
        guard case .stream(let stream, _) = transfer.plan.body, let upload = transfer.upload else { return }
        transfer.uploadTask = Task { [loop] in
            do {
                for try await chunk in stream {
                    if upload.isClosed { return }
                    if await upload.push(chunk) { loop.submit(.resume(transfer)) }
                }
                if upload.finish(failed: false) { loop.submit(.resume(transfer)) }
            } catch {
                if upload.finish(failed: true) { loop.submit(.resume(transfer)) }
            }
        }
    }
}
