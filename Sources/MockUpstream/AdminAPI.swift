import HTTPCore
import HTTPServer
import JSONSchema

/// The admin API under `/_mock` (README, "Journal and admin API"): journal, reset, recordings, faults, scenarios.
enum AdminAPI {
    /// The admin routes; unknown paths get the mock's 404 shape.
    static func makeRouter(state: ReplayState) -> Router {
        var routes = RouterBuilder()
        routes.get("/_mock/journal") { request in
            let entries = state.journal.entries(
                provider: request.query("provider"), method: request.query("method"), path: request.query("path"),
                unmatchedOnly: request.query("unmatched") == "true")
            return MockErrorResponse.json(["entries": .array(entries.map(\.jsonValue))])
        }
        routes.delete("/_mock/journal") { _ in
            state.journal.clear()
            return HTTPResponse(status: .noContent)
        }
        routes.post("/_mock/reset") { _ in
            state.reset()
            return HTTPResponse(status: .noContent)
        }
        routes.get("/_mock/recordings") { _ in
            MockErrorResponse.json(["recordings": .array(state.recordings.all.map { summaryJSON($0.summary) })])
        }
        routes.get("/_mock/faults") { _ in
            MockErrorResponse.json(["faults": .array(state.faults.all.map(faultJSON))])
        }
        routes.post("/_mock/faults") { request in
            switch Result(catching: { () throws(AdminError) in try parseFault(request.bodyBytes) }) {
            case .success(let entry):
                state.faults.arm(entry)
                return MockErrorResponse.json(["armed": faultJSON(entry)], status: .created)
            case .failure(let error):
                return MockErrorResponse.badRequest(error.message)
            }
        }
        routes.delete("/_mock/faults") { _ in
            state.faults.clear()
            return HTTPResponse(status: .noContent)
        }
        routes.get("/_mock/scenarios") { _ in
            let states = state.scenarios.all.sorted { $0.key < $1.key }
            let object = JSONObject(states.map { ($0.key, JSONValue.string($0.value)) })
            return MockErrorResponse.json(["scenarios": .object(object)])
        }
        routes.put("/_mock/scenarios/{name}") { request in
            guard let body = try? JSONValue(parsing: request.bodyBytes), let next = body["state"]?.stringValue else {
                return MockErrorResponse.badRequest(#"expected {"state": "<name>"}"#)
            }
            state.scenarios.set(request.pathParameters["name"] ?? "", to: next)
            return HTTPResponse(status: .noContent)
        }
        return routes.build { request, miss in
            switch miss {
            case .notFound:
                return MockErrorResponse.noMatch(provider: nil, method: request.method, path: request.path,
                                                 closest: nil, differences: [])
            case .methodNotAllowed:
                return MockErrorResponse.badRequest("\(request.method) is not allowed on \(request.path)",
                                                    type: "mock_method_not_allowed")
            }
        }
    }

    /// A request of `POST /_mock/faults`, validated.
    static func parseFault(_ bytes: [UInt8]) throws(AdminError) -> ArmedFaults.Entry {
        guard let body = try? JSONValue(parsing: bytes), body.objectValue != nil else {
            throw AdminError(message: "the body must be a JSON object")
        }
        guard let text = body["fault"]?.stringValue else { throw AdminError(message: "'fault' is required") }
        let fault: Fault
        do { fault = try Fault(parsing: text) } catch { throw AdminError(message: error.description) }
        var provider: Provider?
        if let name = body["provider"]?.stringValue {
            guard let known = Provider(rawValue: name) else { throw AdminError(message: "unknown provider '\(name)'") }
            provider = known
        }
        var template: PathTemplate?
        if let path = body["path"]?.stringValue {
            do { template = try PathTemplate(path) } catch { throw AdminError(message: "path: \(error.message)") }
        }
        let count = body["count"]?.intValue ?? 1
        guard count >= 1 else { throw AdminError(message: "'count' must be at least 1") }
        return ArmedFaults.Entry(provider: provider, method: body["method"]?.stringValue.flatMap(HTTPMethod.init),
                                 path: template, fault: fault, remaining: count)
    }

    private static func faultJSON(_ entry: ArmedFaults.Entry) -> JSONValue {
        .object(JSONObject([
            ("provider", entry.provider.map { .string($0.rawValue) } ?? .null),
            ("method", entry.method.map { .string($0.rawValue) } ?? .null),
            ("path", entry.path.map { .string($0.description) } ?? .null),
            ("fault", .string(entry.fault.description)),
            ("count", .number(entry.remaining)),
        ]))
    }

    private static func summaryJSON(_ summary: RecordingSummary) -> JSONValue {
        .object(JSONObject([
            ("id", .string(summary.id)), ("provider", .string(summary.provider.rawValue)),
            ("operation", .string(summary.operation)), ("spec", .string(summary.spec)),
            ("method", .string(summary.method)), ("path", .string(summary.path)),
            ("status", .number(summary.status)), ("file", .string(summary.file)),
            ("servesFault", .bool(summary.servesFault)),
        ]))
    }
}

/// A bad admin request.
struct AdminError: Error {
    let message: String
}
