import Store

/// Runs a write, turning SQLite's unique-key violation into the repositories' `DuplicateRecord`.
@discardableResult
func rejectingDuplicates<T>(_ write: () async throws -> T) async throws -> T {
    do {
        return try await write()
    } catch let error as StoreError where error.isUniqueViolation {
        throw DuplicateRecord()
    }
}
