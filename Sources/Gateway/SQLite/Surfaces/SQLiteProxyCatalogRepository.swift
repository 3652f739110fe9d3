import JSONSchema
import Store

/// `ProxyCatalogRepository` over the `proxy_services` and `proxy_endpoints` tables (columns named as the fields).
struct SQLiteProxyCatalogRepository: ProxyCatalogRepository {
    let database: Database

    func services() async throws -> [ProxyService] {
        try await database.read { connection in
            let endpoints = try connection.query("SELECT * FROM proxy_endpoints ORDER BY position, slug")
            var byService: [String: [ProxyEndpoint]] = [:]
            for row in endpoints { byService[try row.require("service_slug"), default: []].append(try Self.endpoint(row)) }
            return try connection.query("SELECT * FROM proxy_services ORDER BY position, slug").map { row in
                try Self.service(row, endpoints: byService[try row.require("slug")] ?? [])
            }
        }
    }

    func updateService(_ slug: String, changes: [ProxyCatalogChange]) async throws {
        let assignments = try Self.assignments(changes)
        try await database.write { connection in
            let sql = "UPDATE proxy_services SET " + assignments.columns + " WHERE slug = ?"
            try connection.execute(sql, .positional(assignments.values + [.text(slug)]))
        }
    }

    func updateEndpoint(service: String, slug: String, changes: [ProxyCatalogChange]) async throws {
        let assignments = try Self.assignments(changes)
        try await database.write { connection in
            let sql = "UPDATE proxy_endpoints SET " + assignments.columns + " WHERE service_slug = ? AND slug = ?"
            try connection.execute(sql, .positional(assignments.values + [.text(service), .text(slug)]))
        }
    }

    /// `a = ?, b = ?` and the values to bind; a field that is not a plain column name is refused.
    private static func assignments(_ changes: [ProxyCatalogChange]) throws -> (columns: String, values: [SQLValue]) {
        for change in changes where !change.field.allSatisfy({ $0.isLowercase || $0 == "_" }) {
            throw PlatformError.invalid("\(change.field) is not an editable field")
        }
        return (changes.map { "\($0.field) = ?" }.joined(separator: ", "), changes.map { value($0.value) })
    }

    private static func value(_ value: ProxyCatalogChange.Value) -> SQLValue {
        switch value {
        case .text(let text): return .text(text)
        case .flag(let flag): return .integer(flag ? 1 : 0)
        case .integer(let number): return .integer(Int64(number))
        case .json(let json): return .text(json.serialized())
        }
    }

    static func service(_ row: Row, endpoints: [ProxyEndpoint]) throws -> ProxyService {
        ProxyService(
            slug: try row.require("slug"), displayName: try row.require("display_name"),
            serviceType: try row.require("service_type"), baseURL: try row.require("base_url"),
            provider: try row.require("provider"), authMode: try row.require("auth_mode"),
            authName: try row.require("auth_name"), isEnabled: try row.require("is_enabled"),
            supportsAsyncJobs: try row.require("supports_async_jobs"), supportsStreaming: try row.require("supports_streaming"),
            defaultTimeoutSeconds: try row.require("default_timeout_seconds"), credentialName: try row.require("credential_name"),
            credentialPolicy: CredentialPolicy(
                allowTenantKey: try row.require("allow_tenant_key"), allowPlatformKey: try row.require("allow_platform_key"),
                defaultSource: try row.require("default_source"),
                fallbackToPlatformKey: try row.require("fallback_to_platform_key")),
            credentialSchema: (try? JSONValue(parsing: try row.require("credential_schema", as: String.self))) ?? [:],
            endpoints: endpoints)
    }

    static func endpoint(_ row: Row) throws -> ProxyEndpoint {
        ProxyEndpoint(
            slug: try row.require("slug"), pathTemplate: try row.require("path_template"),
            httpMethod: try row.require("http_method"), requestMode: try row.require("request_mode"),
            responseMode: try row.require("response_mode"), supportsStreaming: try row.require("supports_streaming"),
            callbackMode: try row.require("callback_mode"), isEnabled: try row.require("is_enabled"),
            baseURL: try row.string("base_url"), jobRole: try row.string("job_role"))
    }
}
