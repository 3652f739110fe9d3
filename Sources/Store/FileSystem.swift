#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the Store needs around SQLite's own I/O, with `errno` captured at the call.
enum FileSystem {
    /// The size of a file in bytes, or nil when it does not exist.
    static func size(of path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// Atomically replaces `destination` with `source` (both on one file system).
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            let code = errno
            throw StoreError(kind: .fileSystem, message: "cannot move the export into place at \(destination): "
                + String(cString: strerror(code)))
        }
    }

    /// Removes a file if present; used to clean up after a failed export.
    static func removeIfPresent(_ path: String) {
        unlink(path)
    }

    /// The canonical absolute path of an existing file or of the directory that would hold a new one.
    static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(directory.isEmpty ? "/" : directory, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}
