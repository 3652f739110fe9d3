import JSONSchema

/// Turns an admin edit (documented field names) into checked, typed changes.
enum ProxyCatalogEdits {
    enum Kind {
        case text(allowed: Set<String>?)
        case flag
        case integer(ClosedRange<Int>)
        case json
    }

    static let serviceFields: [String: (String, Kind)] = [
        "display_name": ("display_name", .text(allowed: nil)), "service_type": ("service_type", .text(allowed: nil)),
        "base_url": ("base_url", .text(allowed: nil)), "auth_mode": ("auth_mode", .text(allowed: ["header", "bearer", "query"])),
        "is_enabled": ("is_enabled", .flag), "supports_async_jobs": ("supports_async_jobs", .flag),
        "supports_streaming": ("supports_streaming", .flag),
        "default_timeout_seconds": ("default_timeout_seconds", .integer(1...3600)),
        "credential_name": ("credential_name", .text(allowed: nil)), "credential_schema": ("credential_schema", .json),
    ]

    static let policyFields: [String: (String, Kind)] = [
        "allow_tenant_key": ("allow_tenant_key", .flag), "allow_platform_key": ("allow_platform_key", .flag),
        "default_source": ("default_source", .text(allowed: ["tenant", "platform"])),
        "fallback_to_platform_key": ("fallback_to_platform_key", .flag),
    ]

    static let endpointFields: [String: (String, Kind)] = [
        "path_template": ("path_template", .text(allowed: nil)),
        "http_method": ("http_method", .text(allowed: ["GET", "POST", "PUT", "PATCH", "DELETE"])),
        "request_mode": ("request_mode", .text(allowed: ["json", "multipart", "binary", "form", "none"])),
        "response_mode": ("response_mode", .text(allowed: ["json", "binary", "passthrough", "stream"])),
        "supports_streaming": ("supports_streaming", .flag),
        "callback_mode": ("callback_mode", .text(allowed: ["none", "webhook", "poll"])), "is_enabled": ("is_enabled", .flag),
    ]

    static func serviceChanges(_ changes: JSONObject) throws -> [ProxyCatalogChange] {
        var result: [ProxyCatalogChange] = []
        for (name, value) in changes {
            if name == "credential_policy" {
                guard let policy = value.objectValue else { throw PlatformError.invalid("credential_policy must be an object") }
                result += try typed(policy, fields: policyFields, prefix: "credential_policy.")
            } else {
                result += try typed([name: value], fields: serviceFields, prefix: "")
            }
        }
        return result
    }

    static func endpointChanges(_ changes: JSONObject) throws -> [ProxyCatalogChange] {
        try typed(changes, fields: endpointFields, prefix: "")
    }

    private static func typed(_ changes: JSONObject, fields: [String: (String, Kind)], prefix: String) throws
        -> [ProxyCatalogChange] {
        try changes.map { name, value in
            guard let (field, kind) = fields[name] else {
                throw PlatformError.invalid("\(prefix)\(name) is not an editable field")
            }
            return ProxyCatalogChange(field: field, value: try convert(value, kind, field: prefix + name))
        }
    }

    private static func convert(_ value: JSONValue, _ kind: Kind, field: String) throws -> ProxyCatalogChange.Value {
        switch kind {
        case .text(let allowed):
            guard let text = value.stringValue, !text.isEmpty, allowed?.contains(text) ?? true else {
                let choices = allowed.map { " (one of \($0.sorted().joined(separator: ", ")))" } ?? ""
                throw PlatformError.invalid("\(field) must be a non-empty string\(choices)")
            }
            return .text(text)
        case .flag:
            guard let flag = value.boolValue else { throw PlatformError.invalid("\(field) must be true or false") }
            return .flag(flag)
        case .integer(let range):
            guard let number = value.intValue, range.contains(number) else {
                throw PlatformError.invalid("\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .integer(number)
        case .json:
            guard value.objectValue != nil else { throw PlatformError.invalid("\(field) must be an object") }
            return .json(value)
        }
    }
}
