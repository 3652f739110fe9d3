import HTTPCore
import JSONSchema

/// A recording's compiled request matcher: method, path template, path parameters, query, headers and body.
struct RequestMatcher: Sendable {
    /// The method, or nil for any (`"*"`).
    var method: HTTPMethod?
    var path: PathTemplate
    var pathParameters: [(name: String, matcher: ValueMatcher)] = []
    var query: [(name: String, matcher: ValueMatcher)] = []
    var headers: [(name: String, matcher: ValueMatcher)] = []
    var body: BodyMatcher?

    /// Checks beyond method and path, for specificity.
    var weight: Int { pathParameters.count + query.count + headers.count + (body?.weight ?? 0) }

    /// The outcome of matching one request.
    struct Outcome {
        var parameters: [String: String]
        var differences: [String]
        var matched: Bool { differences.isEmpty }
        /// How far the path is from the template: 0 when it matched, else differing segments (a failed path
        /// parameter counts as one).
        var pathDistance: Int
    }

    /// The path parameters when the request matches, else nil: the request path's check, which stops at the first
    /// difference and builds no message for it.
    func match(_ request: MockRequest) -> [String: String]? {
        if let method, method != request.method { return nil }
        if pathParameters.isEmpty {
            // No captures until everything else has matched.
            guard path.matches(request.segments), restMatches(request) else { return nil }
            return path.match(request.segments) ?? [:]
        }
        guard let parameters = path.match(request.segments) else { return nil }
        for entry in pathParameters {
            let value = parameters[entry.name].map(JSONValue.string)
            if entry.matcher.mismatch(value, fromText: true, explain: false) != nil { return nil }
        }
        return restMatches(request) ? parameters : nil
    }

    /// Query, headers and body, without a message for the first difference.
    private func restMatches(_ request: MockRequest) -> Bool {
        for entry in query {
            let value = request.queryValue(entry.name).map(JSONValue.string)
            if entry.matcher.mismatch(value, fromText: true, explain: false) != nil { return false }
        }
        for entry in headers {
            let value = request.headers[entry.name].map(JSONValue.string)
            if entry.matcher.mismatch(value, fromText: true, explain: false) != nil { return false }
        }
        guard let body else { return true }
        var differences: [String] = []
        body.check(request, collect: false, into: &differences)
        return differences.isEmpty
    }

    /// Matches the request; with `collect` false it stops at the first difference.
    func check(_ request: MockRequest, collect: Bool) -> Outcome {
        var differences: [String] = []
        if let method, method != request.method {
            if !collect { return Outcome(parameters: [:], differences: ["method"], pathDistance: 0) }
            differences.append("method: expected \(method), got \(request.method)")
        }
        guard let parameters = path.match(request.segments) else {
            differences.append("path: expected \(path), got \(request.path)")
            return Outcome(parameters: [:], differences: differences, pathDistance: path.distance(request.segments))
        }
        var distance = 0
        for entry in pathParameters {
            let value = parameters[entry.name].map(JSONValue.string)
            if let reason = entry.matcher.mismatch(value, fromText: true, explain: collect) {
                differences.append("path parameter \(entry.name): \(reason)")
                distance = 1
                if !collect { return Outcome(parameters: parameters, differences: differences, pathDistance: 1) }
            }
        }
        checkRest(request, parameters: parameters, collect: collect, into: &differences)
        return Outcome(parameters: parameters, differences: differences, pathDistance: distance)
    }

    /// Query, headers and body; stops at the first difference unless `collect`.
    private func checkRest(_ request: MockRequest, parameters: [String: String], collect: Bool,
                           into differences: inout [String]) {
        if !collect && !differences.isEmpty { return }
        for entry in query {
            let value = request.queryValue(entry.name).map(JSONValue.string)
            if let reason = entry.matcher.mismatch(value, fromText: true, explain: collect) {
                differences.append("query \(entry.name): \(reason)")
                if !collect { return }
            }
        }
        for entry in headers {
            let value = request.headers[entry.name].map(JSONValue.string)
            if let reason = entry.matcher.mismatch(value, fromText: true, explain: collect) {
                differences.append("header \(entry.name): \(reason)")
                if !collect { return }
            }
        }
        body?.check(request, collect: collect, into: &differences)
    }
}
