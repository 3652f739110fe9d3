/// A recording file that cannot be used: which file, which field (a JSON Pointer), and why.
public struct RecordingLoadError: Error, Sendable, CustomStringConvertible {
    /// The file, relative to the recordings directory.
    public let file: String
    /// The JSON Pointer of the offending field inside the file (empty for the whole file).
    public let field: String
    public let message: String

    /// An error about one field of one file.
    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String { "\(file): \(field.isEmpty ? "(document)" : field): \(message)" }
}
