import Foundation
import HTTPCore
import HTTPServer

/// The mock's request handler: `/_mock/…` goes to the admin API; `/<provider>/…` is matched against that
/// provider's recordings and answered with faults applied; everything is journaled.
struct ReplayResponder: HTTPResponder {
    /// The header that injects faults into one request.
    static let faultHeader = "X-Mock-Fault"
    /// The header that picks a recording by id, bypassing matching.
    static let recordingHeader = "X-Mock-Recording"

    let state: ReplayState
    let admin: Router

    init(state: ReplayState) {
        self.state = state
        admin = AdminAPI.makeRouter(state: state)
    }

    func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        switch try respondImmediately(to: request) {
        case .response(let response): return response
        case .deferred(let rest): return try await rest()
        case .unavailable: return try await admin.respond(to: request)
        }
    }

    /// Replay never suspends, except to wait out a `latency` fault: matching, the journal and the response are
    /// done inline on the server's loop.
    func respondImmediately(to request: HTTPRequest) throws -> ImmediateResponse {
        let target = request.head.target
        // No provider's name starts with "_", so one byte rules the admin API out for replayed requests.
        if Self.secondByteIsUnderscore(target), target.hasPrefix("/_mock/") || target == "/_mock" {
            return try admin.respondImmediately(to: request)
        }
        // A remembered request had no fault or recording header, and its key holds both, so a hit has neither.
        let (known, memoKey) = state.faults.isEmpty ? state.recordings.memoLookup(request) : (nil, nil)
        if let known {
            journal(request, route: known.route, status: known.response.status.code)
            return .response(known.response)
        }
        guard let provider = Self.provider(of: target) else {
            let path = request.path
            let response = MockErrorResponse.noMatch(provider: nil, method: request.method, path: path, closest: nil,
                                                     differences: [])
            let route = JournalRoute(provider: nil, path: path, query: request.head.query, recording: nil)
            journal(request, route: route, status: 404)
            return .response(response)
        }
        let mock = MockRequest(provider: provider, request: request)
        var fault: Fault?
        if let text = request.headers[Self.faultHeader] {
            do {
                fault = try Fault(parsing: text)
            } catch {
                journal(mock, recording: nil, status: 400)
                return .response(MockErrorResponse.badRequest(error.description, type: "mock_bad_fault"))
            }
        }
        if let armed = state.faults.take(provider: provider, method: mock.method, segments: mock.segments) {
            fault = fault.map { $0.merged(with: armed) } ?? armed
        }
        let remembers = fault == nil && !request.headers.contains(Self.recordingHeader)
        let response = answer(mock, fault: fault, memoKey: remembers ? memoKey : nil)
        guard let latency = fault?.latency else { return .response(response) }
        return .deferred {
            try await Task.sleep(for: latency)
            return response
        }
    }

    /// Chooses the recording and builds the response; journals the exchange. A choice with a fixed response is
    /// remembered under `memoKey` when there is one.
    private func answer(_ mock: MockRequest, fault: Fault?, memoKey: SelectionMemo.Key?) -> HTTPResponse {
        let selection: RecordingSet.Selection
        if let id = mock.headers[Self.recordingHeader], let forced = state.recordings.recording(id: id),
           forced.provider == mock.provider {
            selection = .matched(forced, parameters: forced.matcher.path.match(mock.segments) ?? [:])
        } else {
            selection = state.recordings.select(mock, faultStatus: fault?.status, scenarios: state.scenarios)
        }
        switch selection {
        case .matched(let recording, let parameters):
            if let memoKey, state.recordings.memoizes(mock.provider),
               let fixed = ResponseBuilder.fixed(recording.response) {
                let route = JournalRoute(provider: mock.provider, path: mock.path, query: mock.rawQuery,
                                         recording: recording.id)
                state.recordings.memo.remember(SelectionMemo.Entry(response: fixed, route: route), for: memoKey)
            }
            let override = fault?.status.flatMap { $0 == recording.response.status.code ? nil : $0 }
            let response = ResponseBuilder.build(recording.response, request: mock, parameters: parameters,
                                                 fault: fault, statusOverride: override, speed: state.speed)
            journal(mock, recording: recording.id, status: response.status.code)
            return response
        case .unmatched(let closest, let differences):
            var response = MockErrorResponse.noMatch(provider: mock.provider, method: mock.method, path: mock.path,
                                                     closest: closest, differences: differences)
            if let status = fault?.status { response.status = HTTPStatus(code: status) }
            journal(mock, recording: nil, status: response.status.code)
            return response
        }
    }

    /// Whether the target's second byte is `_`, read from its UTF-8 in place.
    private static func secondByteIsUnderscore(_ target: String) -> Bool {
        var target = target
        return target.withUTF8 { $0.count > 1 && $0[1] == UInt8(ascii: "_") }
    }

    /// The provider a path's first segment names.
    static func provider(of path: String) -> Provider? {
        let rest = path.utf8.dropFirst()
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        return Provider(rawValue: String(decoding: rest[rest.startIndex..<end], as: UTF8.self))
    }

    private func journal(_ mock: MockRequest, recording: String?, status: Int) {
        state.journal.append { id in
            JournalEntry(id: id, receivedAt: Date(), provider: mock.provider, method: mock.method, path: mock.path,
                         query: mock.rawQuery, headers: mock.headers, body: mock.body, recording: recording,
                         status: status)
        }
    }

    private func journal(_ request: HTTPRequest, route: JournalRoute, status: Int) {
        state.journal.append { id in
            JournalEntry(id: id, receivedAt: Date(), method: request.method, headers: request.headers,
                         body: request.bodyBytes, status: status, route: route)
        }
    }
}
