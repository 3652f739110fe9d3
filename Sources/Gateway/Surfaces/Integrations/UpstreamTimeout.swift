import JSONSchema

/// The `timeout` member of seed 001's execute and invoke bodies: milliseconds the provider may take.
enum UpstreamTimeout {
    static let allowed = 100...120_000

    /// The member as a duration, the default when absent; 400 when it is not a whole number in range.
    static func parse(_ body: JSONObject, default fallback: Duration) throws -> Duration {
        guard let value = body["timeout"] else { return fallback }
        guard let milliseconds = value.intValue, allowed.contains(milliseconds) else {
            throw PlatformError.invalid("timeout must be a whole number of milliseconds from \(allowed.lowerBound) to \(allowed.upperBound)")
        }
        return .milliseconds(milliseconds)
    }
}
