import Foundation
import JSONSchema

/// The report for machines: summary, per-surface tallies, every result with its exchanges and mismatches,
/// and coverage per endpoint and status.
public enum JSONReport {
    /// The report as JSON.
    public static func render(_ report: RunReport) -> JSONValue {
        let counts = report.counts
        let summary: JSONValue = [
            "passed": .number(counts.passed), "failed": .number(counts.failed), "skipped": .number(counts.skipped),
            "endpoints": .number(report.coverage.count),
            "endpointsWithoutContract": .number(report.endpointsWithoutContract.count),
        ]
        let surfaces = report.surfaces.map { tally -> JSONValue in
            [
                "surface": .string(tally.surface), "passed": .number(tally.passed), "failed": .number(tally.failed),
                "skipped": .number(tally.skipped), "endpoints": .number(tally.endpoints),
                "endpointsWithoutContract": .number(tally.endpointsWithoutContract),
            ]
        }
        return [
            "baseURL": .string(report.baseURL), "selection": .string(report.selection),
            "startedAt": .string(ISO8601DateFormatter().string(from: report.startedAt)),
            "durationSeconds": .number(report.duration.seconds), "passed": .bool(report.passed), "summary": summary,
            "surfaces": .array(surfaces), "results": .array(report.results.map(result)),
            "coverage": .array(report.coverage.map(coverage)),
        ]
    }

    /// The report as indented JSON text, ending with a newline.
    public static func text(_ report: RunReport) -> String { render(report).serialized(pretty: true) + "\n" }

    static func result(_ result: CaseResult) -> JSONValue {
        var object: JSONObject = [
            "id": .string(result.id), "kind": .string(result.kind.rawValue), "surface": .string(result.surface),
            "group": .string(result.group), "name": .string(result.name), "file": .string(result.file),
            "outcome": .string(result.outcome.rawValue), "tags": .array(result.tags.map(JSONValue.string)),
            "durationMs": .number(result.duration.milliseconds),
        ]
        if let endpoint = result.endpointID { object["endpoint"] = .string(endpoint) }
        if let status = result.expectedStatus { object["expectedStatus"] = .number(status) }
        if let reason = result.skipReason { object["skipReason"] = .string(reason) }
        object["mismatches"] = .array(
            result.mismatches.map { mismatch in
                var entry: JSONObject = ["kind": .string(mismatch.kind.rawValue), "message": .string(mismatch.message)]
                if let path = mismatch.path { entry["path"] = .string(path) }
                if let step = mismatch.step { entry["step"] = .string(step) }
                return .object(entry)
            })
        object["exchanges"] = .array(result.exchanges.map(exchange))
        return .object(object)
    }

    static func exchange(_ exchange: RecordedExchange) -> JSONValue {
        var request: JSONObject = [
            "method": .string(exchange.request.method), "url": .string(exchange.request.url),
            "headers": headers(exchange.request.headers),
        ]
        if let body = exchange.request.body { request["body"] = .string(body) }
        var object: JSONObject = ["request": .object(request)]
        if let step = exchange.step { object["step"] = .string(step) }
        if let response = exchange.response {
            object["response"] = [
                "status": .number(response.status), "headers": headers(response.headers),
                "body": .string(response.body), "bodyBytes": .number(response.bodyBytes),
                "durationMs": .number(response.duration.milliseconds),
            ]
        }
        return .object(object)
    }

    static func headers(_ fields: [RecordedHeader]) -> JSONValue {
        .array(fields.map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    static func coverage(_ entry: EndpointCoverage) -> JSONValue {
        [
            "id": .string(entry.endpoint.id), "method": .string(entry.endpoint.method),
            "path": .string(entry.endpoint.path),
            "seed": .string(entry.endpoint.seed), "section": .string(entry.endpoint.section),
            "surface": .string(entry.endpoint.surface), "contract": entry.contract.map(JSONValue.string) ?? .null,
            "statuses": .array(
                entry.statuses.map { status in
                    [
                        "code": .number(status.code), "documented": .bool(status.documented),
                        "state": .string(status.state),
                        "passed": .number(status.passed), "failed": .number(status.failed),
                        "skipped": .number(status.skipped),
                    ]
                }),
        ]
    }
}
