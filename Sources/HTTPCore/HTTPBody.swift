/// A stream of body chunks produced by a handler or an upstream, consumed once.
public typealias HTTPBodyStream = AsyncThrowingStream<[UInt8], any Error>

/// A message body: nothing, bytes in memory, or chunks that arrive over time.
public enum HTTPBody: Sendable {
    case empty
    case bytes([UInt8])
    /// Chunks that arrive over time.
    ///
    /// Boxed: the stream's layout is only known at run time, and unboxed it would make every copy of a body,
    /// request or response go through the runtime's value witnesses.
    indirect case stream(HTTPBodyStream)

    /// The bytes when the body is in memory; nil for a stream.
    public var bytes: [UInt8]? {
        switch self {
        case .empty: return []
        case .bytes(let bytes): return bytes
        case .stream: return nil
        }
    }

    /// Reads the whole body into memory, failing past `limit` bytes.
    public func collect(upTo limit: Int = .max) async throws -> [UInt8] {
        switch self {
        case .empty: return []
        case .bytes(let bytes):
            guard bytes.count <= limit else { throw BodyTooLargeError(limit: limit) }
            return bytes
        case .stream(let stream):
            var all: [UInt8] = []
            for try await chunk in stream {
                all.append(contentsOf: chunk)
                guard all.count <= limit else { throw BodyTooLargeError(limit: limit) }
            }
            return all
        }
    }

    /// A stream that yields the given chunks in order, then ends.
    public static func chunks(_ chunks: [[UInt8]]) -> HTTPBody {
        .stream(HTTPBodyStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        })
    }
}

/// A body grew past the limit its reader set.
public struct BodyTooLargeError: Error, Sendable, CustomStringConvertible {
    public let limit: Int
    public var description: String { "body larger than \(limit) bytes" }
}
