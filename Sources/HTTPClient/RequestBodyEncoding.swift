import HTTPCore

/// A request body reduced to what curl sends: bytes in memory or a stream, and the media type it implies.
enum EncodedRequestBody: Sendable {
    case none
    case bytes([UInt8])
    case stream(HTTPBodyStream, length: Int?)
}

extension HTTPClientRequestBody {
    /// The body as curl sends it, with the `Content-Type` it implies (nil: none of its own).
    func encoded() -> (body: EncodedRequestBody, contentType: String?) {
        switch self {
        case .none:
            return (.none, nil)
        case .bytes(let bytes):
            return (.bytes(bytes), nil)
        case .binary(let bytes, let contentType):
            return (.bytes(bytes), contentType)
        case .json(let bytes):
            return (.bytes(bytes), "application/json")
        case .form(let pairs):
            return (.bytes(Array(FormURLEncoding.encode(pairs).utf8)), "application/x-www-form-urlencoded")
        case .multipart(let parts):
            let boundary = MultipartEncoder.makeBoundary()
            return (.bytes(MultipartEncoder.encode(parts, boundary: boundary)),
                    "multipart/form-data; boundary=\(boundary)")
        case .stream(let stream, let length):
            return (.stream(stream, length: length), nil)
        }
    }
}

/// Writes `multipart/form-data` bodies (RFC 7578, with the WHATWG HTML escaping of names).
enum MultipartEncoder {
    /// A boundary of 24 random alphanumerics after a fixed prefix (RFC 2046 §5.1.1 allows up to 70).
    static func makeBoundary() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        let suffix = (0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return "SwitchboardBoundary" + String(suffix)
    }

    /// The body: each part as a delimiter, its header fields, a blank line and its bytes; then the close delimiter.
    static func encode(_ parts: [MultipartPart], boundary: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(64) { $0 + $1.bytes.count + 160 })
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(escape(filename))\"" }
            head += "\r\n"
            if let contentType = part.contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "\r\n"
            out.append(contentsOf: head.utf8)
            out.append(contentsOf: part.bytes)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: "--\(boundary)--\r\n".utf8)
        return out
    }

    /// Escapes `"`, CR and LF in a quoted name as browsers do (`%22`, `%0D`, `%0A`).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "%22"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
