import HTTPCore

/// What a request carries; each kind sets its `Content-Type` unless the request's headers already name one.
public enum HTTPClientRequestBody: Sendable {
    /// No body (`POST`, `PUT` and `PATCH` still send `Content-Length: 0`).
    case none
    /// Bytes sent as they are, with no `Content-Type` of their own.
    case bytes([UInt8])
    /// Bytes with a media type.
    case binary([UInt8], contentType: String = "application/octet-stream")
    /// Serialized JSON, sent as `application/json`.
    case json([UInt8])
    /// Name/value pairs, sent as `application/x-www-form-urlencoded` (WHATWG URL §5.2).
    case form([(String, String)])
    /// Parts sent as `multipart/form-data` with a random boundary (RFC 7578).
    case multipart([MultipartPart])
    /// Chunks read while the request is sent, with backpressure; chunked when the length is unknown.
    case stream(HTTPBodyStream, length: Int? = nil)

    /// Serialized JSON text, sent as `application/json`.
    public static func json(_ text: String) -> HTTPClientRequestBody { .json(Array(text.utf8)) }
}

/// One part of a `multipart/form-data` body (RFC 7578 §4.2).
public struct MultipartPart: Sendable, Equatable {
    public var name: String
    /// The file name; its presence makes the part a file upload.
    public var filename: String?
    /// The part's media type; nil sends none (a text field).
    public var contentType: String?
    public var bytes: [UInt8]

    /// A part with the given disposition, media type and content.
    public init(name: String, filename: String? = nil, contentType: String? = nil, bytes: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }

    /// A text field.
    public init(name: String, value: String) {
        self.init(name: name, bytes: Array(value.utf8))
    }
}
