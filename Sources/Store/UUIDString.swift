import Foundation

/// A new random (version 4) UUID as 36 lowercase characters, e.g. `9f1c…-4…`, for TEXT primary keys.
public func makeUUIDString() -> String {
    UUID().uuidString.lowercased()
}
