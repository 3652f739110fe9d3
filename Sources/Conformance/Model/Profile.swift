import Foundation
import JSONSchema

/// What differs between implementations: where they listen and the keys, ids and tokens they were
/// provisioned with (`Contracts/profile.schema.json`).
public struct Profile: Sendable {
    /// The implementation under test, e.g. `http://127.0.0.1:8080`.
    public var baseURL: String?
    /// The mock upstream the implementation calls, if any.
    public var mockBaseURL: String?
    /// Values for `{{name}}` placeholders.
    public var variables: [String: String]

    /// Creates a profile.
    public init(baseURL: String? = nil, mockBaseURL: String? = nil, variables: [String: String] = [:]) {
        self.baseURL = baseURL
        self.mockBaseURL = mockBaseURL
        self.variables = variables
    }

    /// Reads and checks a profile file.
    public static func load(path: String) throws(LoadError) -> Profile {
        try Profile(json: try JSONFile.read(path), file: path)
    }

    /// A profile from its JSON; errors name `file` and the field.
    public init(json: JSONValue, file: String) throws(LoadError) {
        let checker = try BundledSchemas.checker(BundledSchemas.profile, name: "profile.schema.json")
        if let problem = checker.problems(in: json, file: file, limit: 1).first { throw problem }
        let root = try FieldReader(json, file: file, pointer: "")
        baseURL = try root.string("baseURL")
        mockBaseURL = try root.string("mockBaseURL")
        variables = Dictionary(
            try root.stringPairs("variables").map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

/// Reads JSON files, reporting unreadable or malformed ones as `LoadError`s.
enum JSONFile {
    /// The parsed contents of `path`.
    static func read(_ path: String) throws(LoadError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, field: "", message: "cannot be read")
        }
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw LoadError(
                file: path, field: "",
                message: "is not JSON: line \(error.line), column \(error.column): \(error.message)")
        }
    }
}
