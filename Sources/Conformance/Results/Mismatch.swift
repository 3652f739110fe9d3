/// One way a response (or a step) differs from what the contract or scenario expects.
public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
    /// What was checked.
    public enum Kind: String, Sendable {
        case status, header, schema, body, transport, placeholder, setup, wait, journal, webhook
    }

    /// What was checked.
    public var kind: Kind
    /// Where: a JSON Pointer into the body for schema and body mismatches, a field name for headers.
    public var path: String?
    /// What differed, for people.
    public var message: String
    /// The scenario or setup step it happened in, if any.
    public var step: String?

    /// Creates a mismatch.
    public init(_ kind: Kind, path: String? = nil, _ message: String, step: String? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.step = step
    }

    /// `[step] kind at path: message`.
    public var description: String {
        var text = step.map { "[\($0)] " } ?? ""
        text += kind.rawValue
        if let path { text += " at " + (path.isEmpty ? "(root)" : path) }
        return text + ": " + message
    }
}
