import Foundation
import JSONSchema

/// Reads every `*.json` recording file under a directory (sorted, recursively, skipping the schema itself),
/// validates each against the recording schema and compiles it.
enum RecordingLoader {
    /// The file name the loader skips: the schema that describes the others.
    static let schemaFileName = "recording.schema.json"

    /// Loads and compiles all recordings; the first bad file or duplicate id fails the load.
    static func load(directory: String) throws(RecordingLoadError) -> [Recording] {
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecordingLoadError(file: directory, field: "", message: "not a directory")
        }
        var recordings: [Recording] = []
        var seen: [String: String] = [:]
        for relative in files(under: root) {
            let loaded = try load(file: relative, in: root, firstOrder: recordings.count)
            for recording in loaded {
                if let other = seen[recording.id] {
                    let index = recording.order - recordings.count
                    throw RecordingLoadError(file: relative, field: "/recordings/\(index)/id",
                                             message: "duplicate recording id '\(recording.id)' (also in \(other))")
                }
                seen[recording.id] = relative
            }
            recordings += loaded
        }
        return recordings
    }

    /// One file's recordings, in file order.
    static func load(file relative: String, in root: URL, firstOrder: Int) throws(RecordingLoadError) -> [Recording] {
        let data: Data
        do {
            data = try Data(contentsOf: root.appendingPathComponent(relative))
        } catch {
            throw RecordingLoadError(file: relative, field: "", message: "cannot read: \(error.localizedDescription)")
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: data)
        } catch {
            throw RecordingLoadError(file: relative, field: "", message: "not JSON: \(error)")
        }
        return try compile(document, file: relative, firstOrder: firstOrder)
    }

    /// Validates a parsed file against the schema and compiles its recordings.
    static func compile(_ document: JSONValue, file: String, firstOrder: Int)
        throws(RecordingLoadError) -> [Recording] {
        if let violation = RecordingSchema.violation(in: document, file: file) { throw violation }
        guard let name = document["provider"]?.stringValue, let provider = Provider(rawValue: name) else {
            throw RecordingLoadError(file: file, field: "/provider", message: "unknown provider")
        }
        let decoder = RecordingDecoder(file: file, provider: provider)
        var result: [Recording] = []
        for (index, value) in (document["recordings"]?.arrayValue ?? []).enumerated() {
            result.append(try decoder.decode(value, index: index, order: firstOrder + index))
        }
        return result
    }

    /// Relative paths of the recording files, sorted for a stable load order.
    static func files(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var paths: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker where url.pathExtension == "json" && url.lastPathComponent != schemaFileName {
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return paths.sorted()
    }
}
