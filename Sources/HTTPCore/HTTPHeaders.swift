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

        /// A field from its name and value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Where one field's name and value lie in `bytes`.
    public struct Span: Sendable {
        public internal(set) var nameStart = 0, nameEnd = 0, valueStart = 0, valueEnd = 0

        init(nameStart: Int = 0, nameEnd: Int = 0, valueStart: Int = 0, valueEnd: Int = 0) {
            self.nameStart = nameStart
            self.nameEnd = nameEnd
            self.valueStart = valueStart
            self.valueEnd = valueEnd
        }
    }

    /// The bytes the spans point into.
    public internal(set) var bytes: [UInt8]
    /// Each field's name and value, in order.
    public internal(set) var spans: [Span]
    /// True when `bytes` is exactly every field as `name: value\r\n`, in order, with token names and no CR or LF
    /// inside a value: a serializer may copy it as it is.
    public internal(set) var isWireForm: Bool

    /// No fields.
    public init() {
        bytes = []
        spans = []
        isWireForm = true
    }

    /// Fields found by the parser: `spans` point into `bytes`, which may hold other bytes between them.
    init(bytes: [UInt8], spans: [Span]) {
        self.bytes = bytes
        self.spans = spans
        isWireForm = false
    }

    /// Fields from name–value pairs, in order.
    public init(_ pairs: [(String, String)]) {
        self.init()
        for (name, value) in pairs { add(name: name, value: value) }
    }

    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    public var count: Int { spans.count }
    public var isEmpty: Bool { spans.isEmpty }
    public var underestimatedCount: Int { spans.count }

    /// Reserves room for the given number of fields.
    public mutating func reserveCapacity(_ count: Int) { spans.reserveCapacity(count) }

    /// Every field, as strings.
    public var fields: [Field] { Array(self) }

    /// An iterator over the fields as strings.
    public func makeIterator() -> Iterator { Iterator(headers: self) }

    /// Yields the fields in order, making their strings as it goes.
    public struct Iterator: IteratorProtocol {
        let headers: HTTPHeaders
        var index = 0

        /// The next field, or nil after the last.
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
}
