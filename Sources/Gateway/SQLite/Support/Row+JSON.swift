import JSONSchema
import Store

extension Row {
    /// A JSON column's value (null when absent or unreadable).
    func json(_ column: String) -> JSONValue {
        (try? string(column)).flatMap { $0 }.flatMap { try? JSONValue(parsing: $0) } ?? .null
    }
}
