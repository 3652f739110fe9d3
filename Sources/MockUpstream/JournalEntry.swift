import Foundation
import HTTPCore
import JSONSchema

/// One request the mock received and how it was answered.
public struct JournalEntry: Sendable {
    public let id: Int
    public let receivedAt: Date
    /// The provider its path prefix named, or nil for a path outside every prefix.
    public let provider: Provider?
    public let method: HTTPMethod
    /// The path after the provider prefix (the whole path when there is no provider).
    public let path: String
    /// The raw query string, without `?`.
    public let query: String?
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// The id of the recording that answered, or nil when none matched.
    public let recording: String?
    /// The status sent (after faults).
    public let status: Int

    /// The body as JSON, when it parses.
    public var json: JSONValue? { body.isEmpty ? nil : try? JSONValue(parsing: body) }

    /// The body's fields when it is form-encoded.
    public var form: [(name: String, value: String)]? {
        MockRequest.parseBody(body, contentType: headers["Content-Type"]).1
    }

    /// The first value of a form field or a top-level JSON member, as text.
    public func field(_ name: String) -> String? {
        if let value = form?.first(where: { $0.name == name })?.value { return value }
        return json?[name].map { ValueMatcher.text(of: $0) }
    }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
