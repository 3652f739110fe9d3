import Foundation
import Store

/// A fresh directory under the system temp directory, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "store-tests-" + makeUUIDString()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path for `name` inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Catches the `StoreError` thrown by `body`, or nil when it throws nothing or something else.
func storeError<T>(_ body: () throws -> T) -> StoreError? {
    do {
        _ = try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// Async `storeError`.
func storeError<T>(_ body: () async throws -> T) async -> StoreError? {
    do {
        _ = try await body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}

/// Where a test database lives: a file in a temporary directory, or memory.
enum TestLocation: String, CaseIterable, Sendable, CustomStringConvertible {
    case file
    case memory

    var description: String { rawValue }

    /// Opens a database of this kind, keeping `directory` alive alongside it.
    func open(in directory: TemporaryDirectory, name: String = "test.sqlite",
              migrations: [Migration] = []) throws -> Database {
        switch self {
        case .file: try Database(.file(directory.file(name)), migrations: migrations)
        case .memory: try Database(.memory, migrations: migrations)
        }
    }
}
