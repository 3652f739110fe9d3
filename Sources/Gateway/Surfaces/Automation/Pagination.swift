/// `?limit=` (1–100, default 50) and `?offset=` (default 0), with 400 for anything else.
struct Pagination {
    let limit: Int
    let offset: Int

    init(_ request: HTTPRequestQuery) throws {
        limit = try Self.number(request.value("limit"), name: "limit", default: 50, range: 1...100)
        offset = try Self.number(request.value("offset"), name: "offset", default: 0, range: 0...Int(Int32.max))
    }

    private static func number(_ text: String?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw PlatformError.invalid("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

/// Reads query parameters (so pagination does not depend on the whole request type).
struct HTTPRequestQuery {
    let value: (String) -> String?
}
