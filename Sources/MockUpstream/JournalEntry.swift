import Foundation
import HTTPCore
import JSONSchema

/// One request the mock received and how it was answered.
public struct JournalEntry: Sendable {
    public let id: Int
    public let receivedAt: Date
    public let method: HTTPMethod
    public let headers: HTTPHeaders
    public let body: [UInt8]
    /// The status sent (after faults).
    public let status: Int
    /// Where the request went and what answered it; one instance serves every repeat of a remembered request.
    let route: JournalRoute

    /// The provider its path prefix named, or nil for a path outside every prefix.
    public var provider: Provider? { route.provider }
    /// The path after the provider prefix (the whole path when there is no provider).
    public var path: String { route.path }
    /// The raw query string, without `?`.
    public var query: String? { route.query }
    /// The id of the recording that answered, or nil when none matched.
    public var recording: String? { route.recording }

    public init(id: Int, receivedAt: Date, provider: Provider?, method: HTTPMethod, path: String, query: String?,
                headers: HTTPHeaders, body: [UInt8], recording: String?, status: Int) {
        self.init(id: id, receivedAt: receivedAt, method: method, headers: headers, body: body, status: status,
                  route: JournalRoute(provider: provider, path: path, query: query, recording: recording))
    }

    init(id: Int, receivedAt: Date, method: HTTPMethod, headers: HTTPHeaders, body: [UInt8], status: Int,
         route: JournalRoute) {
        self.id = id
        self.receivedAt = receivedAt
        self.method = method
        self.headers = headers
        self.body = body
        self.status = status
        self.route = route
    }

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

/// The provider, path, query and recording of a journaled request, kept together so that entries for repeats of
/// one remembered request share them (the journal then holds and releases one reference, not four).
final class JournalRoute: Sendable {
    let provider: Provider?
    let path: String
    let query: String?
    let recording: String?

    init(provider: Provider?, path: String, query: String?, recording: String?) {
        self.provider = provider
        self.path = path
        self.query = query
        self.recording = recording
    }
}
