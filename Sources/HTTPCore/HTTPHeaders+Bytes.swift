extension HTTPHeaders {
    /// Calls `body` with the index of each name and the bytes of its first value (nil when absent), in the order
    /// of `names` (compared ignoring ASCII case). Nothing is copied or decoded.
    public func withFirstValues(of names: [[UInt8]], _ body: (Int, UnsafeBufferPointer<UInt8>?) -> Void) {
        bytes.withUnsafeBufferPointer { stored in
            for (position, name) in names.enumerated() {
                let index = name.withUnsafeBufferPointer { name in
                    spans.firstIndex { Self.equalsIgnoringCase(stored, $0, name) }
                }
                let span = index.map { spans[$0] }
                body(position, span.map { UnsafeBufferPointer(rebasing: stored[$0.valueStart..<$0.valueEnd]) })
            }
        }
    }

    /// The name of the field at the index.
    func name(at index: Int) -> String { string(from: spans[index].nameStart, to: spans[index].nameEnd) }

    /// The value of the field at the index.
    func value(at index: Int) -> String { string(from: spans[index].valueStart, to: spans[index].valueEnd) }

    /// The stored bytes in `start..<end` as a string (invalid UTF-8 repaired).
    private func string(from start: Int, to end: Int) -> String {
        bytes.withUnsafeBufferPointer { stored in
            String(decoding: UnsafeBufferPointer(rebasing: stored[start..<end]), as: UTF8.self)
        }
    }

    /// The index of the first field with the name (ASCII case-insensitive), or nil.
    func firstIndex(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { stored in
                spans.firstIndex { Self.equalsIgnoringCase(stored, $0, name) }
            }
        }
    }

    /// Calls `body` with the index of every field with the name, in order.
    func forEachIndex(of name: String, _ body: (Int) -> Void) {
        var name = name
        name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { stored in
                for index in spans.indices where Self.equalsIgnoringCase(stored, spans[index], name) { body(index) }
            }
        }
    }

    /// Whether the span's name equals `name`, ignoring ASCII case on both sides.
    private static func equalsIgnoringCase(_ stored: UnsafeBufferPointer<UInt8>, _ span: Span,
                                           _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard span.nameEnd - span.nameStart == name.count else { return false }
        var offset = span.nameStart
        for byte in name {
            guard ByteClass.lowercased(stored[offset]) == ByteClass.lowercased(byte) else { return false }
            offset += 1
        }
        return true
    }

    /// Appends `name: value\r\n` and its span. The bytes stop being wire form (copied to a socket as they are)
    /// at a name that is not a token or a value with CR or LF, which would split the message (RFC 9110 §5.1, §5.5).
    mutating func append(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        if isWireForm, !ByteClass.isToken(name) { isWireForm = false }
        if isWireForm, value.contains(where: { $0 == 0x0D || $0 == 0x0A }) { isWireForm = false }
        let nameStart = bytes.count
        bytes.append(contentsOf: name)
        bytes.append(0x3A)
        bytes.append(0x20)
        let valueStart = bytes.count
        bytes.append(contentsOf: value)
        spans.append(Span(nameStart: nameStart, nameEnd: valueStart - 2, valueStart: valueStart,
                          valueEnd: bytes.count))
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Lays the fields out again, with the first field of the name given `value` (keeping its spelling) and the
    /// others of the name dropped; every field of the name is dropped when `value` is nil.
    mutating func rebuild(replacing name: String, with value: UnsafeBufferPointer<UInt8>?) {
        var result = HTTPHeaders()
        result.bytes.reserveCapacity(bytes.count + (value?.count ?? 0))
        var name = name
        var replaced = false
        name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { stored in
                for span in spans {
                    let fieldName = UnsafeBufferPointer(rebasing: stored[span.nameStart..<span.nameEnd])
                    if !Self.equalsIgnoringCase(stored, span, name) {
                        result.append(name: fieldName,
                                      value: UnsafeBufferPointer(rebasing: stored[span.valueStart..<span.valueEnd]))
                    } else if let value, !replaced {
                        result.append(name: fieldName, value: value)
                        replaced = true
                    }
                }
            }
        }
        self = result
    }
}
