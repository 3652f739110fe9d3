extension JSONValue {
    /// The value a JSON Pointer string (RFC 6901 §3) refers to, or `nil` when it is malformed or points nowhere.
    public func at(pointer: String) -> JSONValue? {
        JSONPointer(pointer).flatMap { at($0) }
    }

    /// The value a JSON Pointer refers to, or `nil` when it points nowhere (RFC 6901 §4).
    public func at(_ pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            guard let next = current.child(token) else { return nil }
            current = next
        }
        return current
    }

    /// The member or element a single reference token selects (RFC 6901 §4).
    ///
    /// Array indexes are `0` or digits without a leading zero; `-` (past the end) selects nothing.
    func child(_ token: String) -> JSONValue? {
        switch self {
        case .object(let members):
            return members[token]
        case .array(let elements):
            guard let index = JSONValue.arrayIndex(token), index < elements.count else { return nil }
            return elements[index]
        default:
            return nil
        }
    }

    /// Reads an RFC 6901 array index token.
    static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              first != UInt8(ascii: "0") || utf8.count == 1
        else { return nil }
        return Int(token)
    }
}
