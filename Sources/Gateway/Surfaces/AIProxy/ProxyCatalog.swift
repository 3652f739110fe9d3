import JSONSchema
import Store

/// The service catalog in the store: read for discovery and invoke, edited by the admin API.
public final class ProxyCatalog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every service with its endpoints, in catalog order.
    public func services() async throws -> [ProxyService] {
        try await database.read { connection in
            let endpoints = try connection.query("SELECT * FROM proxy_endpoints ORDER BY position, slug")
            var byService: [String: [ProxyEndpoint]] = [:]
            for row in endpoints { byService[try row.require("service_slug"), default: []].append(try Self.endpoint(row)) }
            return try connection.query("SELECT * FROM proxy_services ORDER BY position, slug").map { row in
                try Self.service(row, endpoints: byService[try row.require("slug")] ?? [])
            }
        }
    }

    /// One service, or nil.
    public func service(_ slug: String) async throws -> ProxyService? {
        try await services().first { $0.slug == slug }
    }

    /// Applies the given documented fields to a service; unknown fields or wrong types are 400.
    public func updateService(_ slug: String, with changes: JSONObject) async throws -> ProxyService? {
        let assignments = try ProxyCatalogEdits.serviceAssignments(changes)
        guard try await service(slug) != nil else { return nil }
        if !assignments.isEmpty {
            try await database.write { connection in
                let sql = "UPDATE proxy_services SET " + assignments.map { "\($0.column) = ?" }.joined(separator: ", ")
                    + " WHERE slug = ?"
                try connection.execute(sql, .positional(assignments.map(\.value) + [.text(slug)]))
            }
        }
        return try await service(slug)
    }

    /// Applies the given documented fields to an endpoint.
    public func updateEndpoint(service: String, slug: String, with changes: JSONObject) async throws -> ProxyEndpoint? {
        let assignments = try ProxyCatalogEdits.endpointAssignments(changes)
        guard try await self.service(service)?.endpoints.contains(where: { $0.slug == slug }) == true else { return nil }
        if !assignments.isEmpty {
            try await database.write { connection in
                let sql = "UPDATE proxy_endpoints SET " + assignments.map { "\($0.column) = ?" }.joined(separator: ", ")
                    + " WHERE service_slug = ? AND slug = ?"
                try connection.execute(sql, .positional(assignments.map(\.value) + [.text(service), .text(slug)]))
            }
        }
        return try await self.service(service)?.endpoints.first { $0.slug == slug }
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
