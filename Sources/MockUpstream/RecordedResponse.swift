import HTTPCore

/// A recording's compiled response: status, header fields and a body prepared once at load time.
struct RecordedResponse: Sendable {
    /// Bytes that are either fixed or rendered per request from a template.
    enum Content: Sendable {
        case fixed([UInt8])
        case template(BodyTemplate)

        /// The bytes for one request (fixed bytes are shared, never copied or re-serialized).
        func bytes(_ request: MockRequest, parameters: [String: String]) -> [UInt8] {
            switch self {
            case .fixed(let bytes): return bytes
            case .template(let template): return template.render(request, parameters: parameters)
            }
        }
    }

    /// One piece of a streamed body and the wait before it (at speed ×1).
    struct Chunk: Sendable {
        let delay: Duration
        let content: Content
    }

    /// The body, by how it is sent.
    enum Body: Sendable {
        /// One body with a Content-Length.
        case whole(Content)
        /// Chunks sent one by one with their delays (chunked transfer coding; SSE when the type says so).
        case chunks([Chunk])
        /// `total` bytes of a repeated pattern, streamed from one reused buffer with a Content-Length.
        case generated(buffer: [UInt8], total: Int)
    }

    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: Body

    /// The body length when it is known without a request (fixed and generated bodies).
    var fixedLength: Int? {
        switch body {
        case .whole(.fixed(let bytes)): return bytes.count
        case .generated(_, let total): return total
        default: return nil
        }
    }
}
