/// Size limits a request parser enforces, each answered with its own status.
public struct HTTPParserLimits: Sendable {
    /// The request line, in bytes; longer → 414.
    public var maxRequestLineBytes: Int
    /// The header block (or trailer block), in bytes; larger → 431.
    public var maxHeaderBytes: Int
    /// The number of header fields; more → 431.
    public var maxHeaderCount: Int
    /// The request body, in bytes; larger → 413.
    public var maxBodyBytes: Int
    /// The chunk extensions of one chunk, in bytes; longer → 400.
    public var maxChunkExtensionBytes: Int

    public init(
        maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 64 * 1024, maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 16 * 1024 * 1024, maxChunkExtensionBytes: Int = 4 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkExtensionBytes = maxChunkExtensionBytes
    }
}
