/// Header fields in arrival order, with case-insensitive lookup by name (RFC 9110 §5).
///
/// Fields are kept as bytes with the offsets of each name and value: a parsed head hands over the bytes it
/// received and the spans it found, and fields added one by one are laid out as `name: value\r\n`, which a
/// serializer copies in one go. Strings are made only for the fields a caller reads.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One field: its name as sent and its value with surrounding whitespace removed.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Where one field's name and value lie in `bytes`.
    public struct Span: Sendable {
        public var nameStart = 0, nameEnd = 0, valueStart = 0, valueEnd = 0

        public init(nameStart: Int = 0, nameEnd: Int = 0, valueStart: Int = 0, valueEnd: Int = 0) {
            self.nameStart = nameStart
            self.nameEnd = nameEnd
            self.valueStart = valueStart
            self.valueEnd = valueEnd
        }
    }

    /// The bytes the spans point into.
    public private(set) var bytes: [UInt8]
    /// Each field's name and value, in order.
    public private(set) var spans: [Span]
    /// True when `bytes` is exactly every field as `name: value\r\n`, in order, with no CR or LF inside a
    /// value: a serializer may copy it as it is.
    public private(set) var isWireForm: Bool

    public init() {
        bytes = []
        spans = []
        isWireForm = true
    }

    /// Fields found by a parser: `spans` point into `bytes`, which may hold other bytes between them.
    public init(bytes: [UInt8], spans: [Span]) {
        self.bytes = bytes
        self.spans = spans
        isWireForm = false
    }

    public init(_ pairs: [(String, String)]) {
        self.init()
        for (name, value) in pairs { add(name: name, value: value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    public var count: Int { spans.count }
    public var isEmpty: Bool { spans.isEmpty }

    /// Reserves room for the given number of fields.
    public mutating func reserveCapacity(_ count: Int) { spans.reserveCapacity(count) }

    /// Every field, as strings.
    public var fields: [Field] { Array(self) }

    public func makeIterator() -> Iterator { Iterator(headers: self) }

    /// Yields the fields in order, making their strings as it goes.
    public struct Iterator: IteratorProtocol {
        let headers: HTTPHeaders
        var index = 0

        public mutating func next() -> Field? {
            guard index < headers.spans.count else { return nil }
            defer { index += 1 }
            return Field(name: headers.name(at: index), value: headers.value(at: index))
        }
    }

    /// The first value for the name, or nil.
    public subscript(name: String) -> String? {
        get { firstIndex(of: name).map { value(at: $0) } }
        set {
            if let newValue { replaceOrAdd(name: name, value: newValue) } else { remove(name: name) }
        }
    }

    /// The first value's bytes for the name, or nil; a slice of the stored bytes, so nothing is copied.
    public func valueBytes(for name: String) -> ArraySlice<UInt8>? {
        firstIndex(of: name).map { bytes[spans[$0].valueStart..<spans[$0].valueEnd] }
    }

    /// Every value sent under the name, in order.
    public func values(for name: String) -> [String] {
        var found: [String] = []
        forEachIndex(of: name) { found.append(value(at: $0)) }
        return found
    }

    /// Whether any field has the name.
    public func contains(_ name: String) -> Bool { firstIndex(of: name) != nil }

    /// The comma-separated list elements of every field with the name, trimmed and non-empty (RFC 9110 §5.6.1).
    public func listValues(for name: String) -> [String] {
        values(for: name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// Appends a field, keeping any existing ones of the same name.
    public mutating func add(name: String, value: String) {
        var name = name, value = value
        name.withUTF8 { name in value.withUTF8 { value in append(name: name, value: value) } }
    }

    /// Replaces every field of the name with one field, or appends it.
    public mutating func replaceOrAdd(name: String, value: String) {
        guard firstIndex(of: name) != nil else {
            add(name: name, value: value)
            return
        }
        var value = value
        value.withUTF8 { rebuild(replacing: name, with: $0) }
    }

    /// Removes every field of the name.
    public mutating func remove(name: String) {
        guard firstIndex(of: name) != nil else { return }
        rebuild(replacing: name, with: nil)
    }

    public var description: String { map { "\($0.name): \($0.value)" }.joined(separator: "\n") }

    // MARK: Bytes

    /// The name of the field at the index.
    func name(at index: Int) -> String { text(spans[index].nameStart, spans[index].nameEnd) }

    /// The value of the field at the index.
    func value(at index: Int) -> String { text(spans[index].valueStart, spans[index].valueEnd) }

    private func text(_ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The index of the first field with the name (ASCII case-insensitive), or nil.
    func firstIndex(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { stored in
                for index in spans.indices where Self.equalsIgnoringCase(stored, spans[index], name) { return index }
                return nil
            }
        }
    }

    /// Calls `body` with the index of every field with the name, in order.
    private func forEachIndex(of name: String, _ body: (Int) -> Void) {
        var name = name
        name.withUTF8 { name in
            bytes.withUnsafeBufferPointer { stored in
                for index in spans.indices where Self.equalsIgnoringCase(stored, spans[index], name) { body(index) }
            }
        }
    }

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

    /// Appends `name: value\r\n` and its span.
    private mutating func append(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        if isWireForm && (!spans.isEmpty && spans[spans.count - 1].valueEnd + 2 != bytes.count) { isWireForm = false }
        if isWireForm && value.contains(where: { $0 == 0x0D || $0 == 0x0A }) { isWireForm = false }
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

    /// Lays the fields out again in wire form, with the first field of the name given `value` (keeping its
    /// spelling) and the others of the name dropped; every field of the name is dropped when `value` is nil.
    private mutating func rebuild(replacing name: String, with value: UnsafeBufferPointer<UInt8>?) {
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
