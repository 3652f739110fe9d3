import Foundation

extension JSONValue {
    /// JSON text for the value (RFC 8259): compact, or pretty with a 2-space indent; keys in insertion order
    /// unless `sortedKeys` (then by Unicode code point). `/` is not escaped; numbers print as they were given.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty, sortedKeys: sortedKeys), as: UTF8.self)
    }

    /// UTF-8 JSON text for the value; see `serialized(pretty:sortedKeys:)`.
    public func serializedBytes(pretty: Bool = false, sortedKeys: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(self, depth: 0)
        return writer.output
    }

    /// Compact UTF-8 JSON text.
    public var jsonData: Data {
        Data(serializedBytes())
    }

    /// Compact JSON text.
    public var jsonString: String {
        serialized()
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String {
        serialized()
    }
}

/// Appends JSON text to a byte buffer.
struct JSONWriter {
    var output: [UInt8] = []
    let pretty: Bool
    let sortedKeys: Bool

    init(pretty: Bool, sortedKeys: Bool) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
        output.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): output.append(contentsOf: number.description.utf8)
        case .string(let text): writeString(text)
        case .array(let elements): writeArray(elements, depth: depth)
        case .object(let members): writeObject(members, depth: depth)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], depth: Int) {
        guard !elements.isEmpty else { return append("[]") }
        output.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(depth + 1)
            write(element, depth: depth + 1)
        }
        newline(depth)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ members: JSONObject, depth: Int) {
        guard !members.isEmpty else { return append("{}") }
        var order = Array(members.indices)
        if sortedKeys {
            order.sort { members.keys[$0].utf8.lexicographicallyPrecedes(members.keys[$1].utf8) }
        }
        output.append(UInt8(ascii: "{"))
        for (count, position) in order.enumerated() {
            if count > 0 { output.append(UInt8(ascii: ",")) }
            newline(depth + 1)
            writeString(members.keys[position])
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(members.values[position], depth: depth + 1)
        }
        newline(depth)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes a quoted string, escaping `"`, `\` and control characters (RFC 8259 §7).
    mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if done == nil {
            Array(text.utf8).withUnsafeBufferPointer { writeEscaped($0) }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
