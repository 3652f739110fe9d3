import Foundation
import JSONSchema

/// Reading and writing JSON files.
public enum JSONValueFile {
    /// Parses a JSON file.
    public static func read(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes pretty JSON atomically.
    public static func write(_ value: JSONValue, to path: String) throws {
        try Data((value.serialized(pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
