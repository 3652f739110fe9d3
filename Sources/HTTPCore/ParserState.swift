/// Where the request parser is in the grammar of RFC 9112.
enum ParserState: Sendable {
    case lineStart, lineStartLF
    case method, targetStart, target, version(Int), requestLineLF
    case fieldStart, fieldName, fieldValueLeading, fieldValue, fieldLF, headEndLF
    case fixedBody(Int)
    case chunkSize, chunkExtName, chunkExtAfterName, chunkExtValueStart, chunkExtToken
    case chunkExtQuoted, chunkExtQuotedEscape, chunkExtAfterQuoted, chunkSizeLF
    case chunkData(Int), chunkDataCR, chunkDataLF
    /// The message is complete; the next call reports `.end`.
    case messageEnd
    case closed

    /// Between two messages: only empty lines have been seen.
    var isBetweenMessages: Bool {
        switch self {
        case .lineStart, .lineStartLF: return true
        default: return false
        }
    }

    /// Inside the extensions of a chunk-size line.
    var isChunkExtension: Bool {
        switch self {
        case .chunkExtName, .chunkExtAfterName, .chunkExtValueStart, .chunkExtToken, .chunkExtQuoted,
             .chunkExtQuotedEscape, .chunkExtAfterQuoted:
            return true
        default:
            return false
        }
    }

    /// Inside a request line or header block (not trailers, which are parsed without spans).
    var isInHead: Bool {
        switch self {
        case .lineStart, .lineStartLF, .method, .targetStart, .target, .version, .requestLineLF,
             .fieldStart, .fieldName, .fieldValueLeading, .fieldValue, .fieldLF, .headEndLF:
            return true
        default:
            return false
        }
    }
}

/// Offsets of the parts of the head being parsed, relative to `start` (or absolute for `start`).
struct HeadSpans: Sendable {
    var start = 0
    var methodEnd = 0
    var targetStart = 0
    var targetEnd = 0
    var major = 0
    var minor = 0
    var requestLineEnd = 0
    var fields: [HTTPHeaders.Span] = []
    var sawContentLength = false
    var sawTransferEncoding = false
    var current = HTTPHeaders.Span()
    /// True while parsing the trailer section of a chunked body (`start` then marks the section).
    var inTrailers = false
    var chunkSize = 0
    var chunkDigits = 0
    var chunkExtensionBytes = 0
    /// Body bytes announced by chunk sizes so far, for the body limit.
    var bodyBytes = 0
}
