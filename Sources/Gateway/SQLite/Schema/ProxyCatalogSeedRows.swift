import Store

/// Inserts seed 000's seeded services (`AIProxyCatalogSeed`) into the catalog tables; the columns it leaves out
/// take the tables' defaults.
enum ProxyCatalogSeedRows {
    static func apply(_ connection: SQLConnection) throws {
        for (position, service) in AIProxyCatalogSeed.services.enumerated() {
            try insert(service, position: position, connection)
        }
    }

    private static func insert(_ service: AIProxyCatalogSeed.Service, position: Int, _ connection: SQLConnection) throws {
        try connection.execute("""
            INSERT INTO proxy_services (slug, display_name, service_type, base_url, provider, auth_mode, auth_name,
                supports_async_jobs, supports_streaming, credential_name, position)
            VALUES (?, ?, ?, ?, ?, 'header', ?, ?, ?, ?, ?)
            """, [.text(service.slug), .text(service.name), .text(service.type), .text(service.baseURL),
                  .text(service.provider), .text(service.authName), .integer(service.async ? 1 : 0),
                  .integer(service.streaming ? 1 : 0), .text(service.slug), .integer(Int64(position))])
        for (index, endpoint) in service.endpoints.enumerated() {
            try connection.execute("""
                INSERT INTO proxy_endpoints (service_slug, slug, path_template, http_method, request_mode, response_mode,
                    supports_streaming, callback_mode, base_url, job_role, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(service.slug), .text(endpoint.slug), .text(endpoint.path), .text(endpoint.method),
                      .text(endpoint.requestMode), .text(endpoint.responseMode), .integer(endpoint.streaming ? 1 : 0),
                      .text(endpoint.callback), SQLValue(endpoint.baseURL), SQLValue(endpoint.jobRole),
                      .integer(Int64(index))])
        }
    }
}
