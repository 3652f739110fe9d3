import JSONSchema

/// Reads typed members of one JSON object, naming the file and the field in every error.
struct FieldReader {
    let file: String
    let pointer: String
    let members: JSONObject

    /// A reader for `value`, which must be an object.
    init(_ value: JSONValue, file: String, pointer: String) throws(LoadError) {
        guard case .object(let members) = value else {
            throw LoadError(file: file, field: pointer, message: "must be an object, not \(value.typeName)")
        }
        self.file = file
        self.pointer = pointer
        self.members = members
    }

    /// The pointer to a member.
    func field(_ key: String) -> String { pointer + "/" + JSONPointer.escape(key) }

    /// An error about a member (or about the object itself when `key` is nil).
    func error(_ key: String?, _ message: String) -> LoadError {
        LoadError(file: file, field: key.map(field) ?? pointer, message: message)
    }

    /// The raw member.
    func value(_ key: String) -> JSONValue? { members[key] }

    /// A string member, if present.
    func string(_ key: String) throws(LoadError) -> String? {
        guard let value = members[key] else { return nil }
        guard let text = value.stringValue else { throw error(key, "must be a string") }
        return text
    }

    /// A string member that must be present.
    func requiredString(_ key: String) throws(LoadError) -> String {
        guard let text = try string(key) else { throw error(nil, "must have required property '\(key)'") }
        return text
    }

    /// A boolean member, if present.
    func bool(_ key: String) throws(LoadError) -> Bool? {
        guard let value = members[key] else { return nil }
        guard let flag = value.boolValue else { throw error(key, "must be a boolean") }
        return flag
    }

    /// An integer member, if present.
    func integer(_ key: String) throws(LoadError) -> Int? {
        guard let value = members[key] else { return nil }
        guard let number = value.intValue else { throw error(key, "must be an integer") }
        return number
    }

    /// An integer or a non-empty array of integers, as an array, if present.
    func integers(_ key: String) throws(LoadError) -> [Int]? {
        guard let value = members[key] else { return nil }
        if let number = value.intValue { return [number] }
        guard let numbers = value.arrayValue?.compactMap(\.intValue), !numbers.isEmpty,
              numbers.count == value.arrayValue?.count else {
            throw error(key, "must be an integer or a non-empty array of integers")
        }
        return numbers
    }

    /// A number of seconds, if present.
    func seconds(_ key: String) throws(LoadError) -> Duration? {
        guard let value = members[key] else { return nil }
        guard let number = value.doubleValue, number > 0 else { throw error(key, "must be a positive number") }
        return .milliseconds(Int64((number * 1000).rounded()))
    }

    /// An object member as a reader, if present.
    func object(_ key: String) throws(LoadError) -> FieldReader? {
        guard let value = members[key] else { return nil }
        return try FieldReader(value, file: file, pointer: field(key))
    }

    /// An array member's elements with their pointers, if present.
    func array(_ key: String) throws(LoadError) -> [(pointer: String, value: JSONValue)]? {
        guard let value = members[key] else { return nil }
        guard let elements = value.arrayValue else { throw error(key, "must be an array") }
        return elements.enumerated().map { (field(key) + "/\($0.offset)", $0.element) }
    }

    /// An array of strings, empty when absent.
    func strings(_ key: String) throws(LoadError) -> [String] {
        var result: [String] = []
        for (pointer, element) in try array(key) ?? [] {
            guard let text = element.stringValue else {
                throw LoadError(file: file, field: pointer, message: "must be a string")
            }
            result.append(text)
        }
        return result
    }

    /// An object of strings as ordered pairs, empty when absent.
    func stringPairs(_ key: String) throws(LoadError) -> [FormField] {
        guard let reader = try object(key) else { return [] }
        var pairs: [FormField] = []
        for (name, value) in reader.members {
            guard let text = value.stringValue else { throw reader.error(name, "must be a string") }
            pairs.append(FormField(name, text))
        }
        return pairs
    }
}
