extension JSONValue {
    /// The string, when the value is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, when the value is a number.
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The integer, when the value is a number that is a whole number fitting in `Int` (so `2.0` gives 2).
    public var intValue: Int? {
        numberValue?.intValue
    }

    /// The number as a `Double`, when the value is a number.
    public var doubleValue: Double? {
        numberValue?.doubleValue
    }

    /// The boolean, when the value is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, when the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when the value is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member for `key` of an object (nil for other values); setting `nil` removes the member.
    ///
    /// Setting a key on `null` first turns it into an empty object; on any other non-object value the
    /// assignment is ignored.
    public subscript(key: String) -> JSONValue? {
        get {
            objectValue?[key]
        }
        set {
            if isNull, newValue != nil { self = .object(JSONObject()) }
            guard case .object(var members) = self else { return }
            self = .null  // release the payload so the mutation below does not copy it
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The element at `index` of an array (nil when out of range or not an array); in-range assignment only.
    public subscript(index: Int) -> JSONValue? {
        get {
            guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
            return elements[index]
        }
        set {
            guard case .array(var elements) = self, elements.indices.contains(index), let newValue else { return }
            self = .null
            elements[index] = newValue
            self = .array(elements)
        }
    }

    /// Sets the member `key` of an object (or of `null`, which becomes an object).
    public mutating func setValue(_ value: JSONValue, forKey key: String) {
        self[key] = value
    }

    /// Removes the member `key` of an object and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// Appends an element to an array (or to `null`, which becomes an array); other values are unchanged.
    public mutating func append(_ element: JSONValue) {
        if isNull { self = .array([]) }
        guard case .array(var elements) = self else { return }
        self = .null
        elements.append(element)
        self = .array(elements)
    }
}
