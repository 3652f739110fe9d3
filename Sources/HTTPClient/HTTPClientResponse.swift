import HTTPCore

/// The final response: status line and header fields as received, and the body as it arrives.
public struct HTTPClientResponse: Sendable {
    public var status: HTTPStatus
    /// The protocol version of the status line (1.0, 1.1 or 2).
    public var version: HTTPVersion
    /// Fields in arrival order, framing fields included; the body itself is already de-chunked.
    public var headers: HTTPHeaders
    /// A stream fed while the transfer runs; dropping it or cancelling its reader aborts the transfer.
    public var body: HTTPBody
    /// The transfer behind `body`, so that `collect` can stop it early; the stream alone keeps it alive.
    weak var lease: BodyLease?

    /// A response value (the client makes these; tests and adapters may too).
    public init(status: HTTPStatus, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:], body: HTTPBody) {
        self.status = status
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// Reads the whole body into memory; past `limit` bytes it aborts the transfer and throws `BodyTooLargeError`.
    public func collect(upTo limit: Int = .max) async throws -> [UInt8] {
        do {
            return try await body.collect(upTo: limit)
        } catch {
            lease?.abort()
            throw error
        }
    }
}
