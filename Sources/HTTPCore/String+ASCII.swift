extension String {
    /// ASCII case-insensitive equality of two strings, comparing their stored UTF-8 directly when it is contiguous.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs -> Bool in
                guard lhs.count == rhs.count else { return false }
                for index in 0..<lhs.count where ByteClass.lowercased(lhs[index]) != ByteClass.lowercased(rhs[index]) {
                    return false
                }
                return true
            }
        }
        if let fast, let result = fast { return result }
        return Substring(self).equalsIgnoringASCIICase(other)
    }
}

extension StringProtocol {
    /// ASCII case-insensitive equality, as header names and tokens compare (RFC 9110 §5.1).
    public func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).allSatisfy { ByteClass.lowercased($0) == ByteClass.lowercased($1) }
    }

    /// The string without leading and trailing spaces and tabs.
    public func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
