/// Faults injected into one response, parsed from `X-Mock-Fault` or armed through the admin API.
///
/// The text is a comma- or semicolon-separated list: `latency=200ms`, `status=503`, `reset`, `empty`,
/// `truncate=100`, `drip=10ms` (or `drip=10ms/16` for 16-byte pieces), `cut-after-events=2`.
public struct Fault: Sendable, Equatable, CustomStringConvertible {
    /// Extra time before the response head is sent.
    public var latency: Duration?
    /// The status to answer with (a `servesFault` recording of that status supplies the provider's body).
    public var status: Int?
    /// Close the connection right after the head, before any body byte.
    public var reset = false
    /// Send the head with an empty body (`Content-Length: 0`).
    public var empty = false
    /// Send only this many body bytes, then close (the head promises the full length).
    public var truncate: Int?
    /// Send the body in pieces of `dripBytes` bytes, waiting `drip` before each.
    public var drip: Duration?
    public var dripBytes = 64
    /// Send only this many chunks (SSE events) of a streamed body, then close.
    public var cutAfterEvents: Int?
    /// The text the fault was parsed from.
    public let description: String

    /// Parses the fault text; throws `FaultParseError` naming the bad item.
    public init(parsing text: String) throws(FaultParseError) {
        description = text
        let items = text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { String($0).trimmingASCIIWhitespaceCharacters() }
            .filter { !$0.isEmpty }
        guard !items.isEmpty else { throw FaultParseError(item: text, reason: "no fault given") }
        for item in items { try apply(item) }
    }

    private mutating func apply(_ item: String) throws(FaultParseError) {
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        let name = parts[0].lowercased()
        let value = parts.count > 1 ? parts[1] : nil
        switch (name, value) {
        case ("reset", nil): reset = true
        case ("empty", nil): empty = true
        case ("latency", let value?): latency = try Self.duration(value, item: item)
        case ("status", let value?):
            guard let code = Int(value), (100...599).contains(code) else {
                throw FaultParseError(item: item, reason: "status must be 100…599")
            }
            status = code
        case ("truncate", let value?): truncate = try Self.count(value, item: item)
        case ("cut-after-events", let value?): cutAfterEvents = try Self.count(value, item: item)
        case ("drip", let value?):
            let pieces = value.split(separator: "/", maxSplits: 1).map(String.init)
            drip = try Self.duration(pieces[0], item: item)
            if pieces.count > 1 {
                let bytes = try Self.count(pieces[1], item: item)
                guard bytes > 0 else { throw FaultParseError(item: item, reason: "drip piece must be ≥ 1 byte") }
                dripBytes = bytes
            }
        default:
            throw FaultParseError(item: item, reason:
                "unknown fault (latency=, status=, reset, empty, truncate=, drip=, cut-after-events=)")
        }
    }

    /// `200ms`, `1.5s` or a bare number of milliseconds.
    static func duration(_ text: String, item: String) throws(FaultParseError) -> Duration {
        let lower = text.lowercased()
        let (number, scale): (Substring, Double)
        if lower.hasSuffix("ms") {
            (number, scale) = (lower.dropLast(2), 1)
        } else if lower.hasSuffix("s") {
            (number, scale) = (lower.dropLast(), 1000)
        } else {
            (number, scale) = (lower[...], 1)
        }
        guard let value = Double(number), value >= 0, value <= 600_000 / scale else {
            throw FaultParseError(item: item, reason: "'\(text)' is not a duration like 200ms or 1.5s")
        }
        return .microseconds(Int64(value * scale * 1000))
    }

    private static func count(_ text: String, item: String) throws(FaultParseError) -> Int {
        guard let value = Int(text), value >= 0 else {
            throw FaultParseError(item: item, reason: "'\(text)' is not a count")
        }
        return value
    }

    /// Whether the body has to be streamed to apply the fault.
    var shapesBody: Bool { reset || truncate != nil || drip != nil || cutAfterEvents != nil }

    /// This fault with `other`'s settings added on top.
    func merged(with other: Fault) -> Fault {
        var result = self
        result.latency = other.latency ?? latency
        result.status = other.status ?? status
        result.reset = reset || other.reset
        result.empty = empty || other.empty
        result.truncate = other.truncate ?? truncate
        if other.drip != nil {
            result.drip = other.drip
            result.dripBytes = other.dripBytes
        }
        result.cutAfterEvents = other.cutAfterEvents ?? cutAfterEvents
        return result
    }
}

/// A fault text that cannot be parsed.
public struct FaultParseError: Error, Sendable, CustomStringConvertible {
    public let item: String
    public let reason: String
    public var description: String { "bad fault '\(item)': \(reason)" }
}

extension String {
    /// The string without surrounding spaces and tabs.
    func trimmingASCIIWhitespaceCharacters() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
