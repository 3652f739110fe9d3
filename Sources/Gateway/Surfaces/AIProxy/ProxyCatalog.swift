import JSONSchema

/// The service catalog in the store: read for discovery and invoke, edited by the admin API.
public final class ProxyCatalog: Sendable {
    let repository: any ProxyCatalogRepository

    init(repository: any ProxyCatalogRepository) {
        self.repository = repository
    }

    /// Every service with its endpoints, in catalog order.
    public func services() async throws -> [ProxyService] {
        try await repository.services()
    }

    /// One service, or nil.
    public func service(_ slug: String) async throws -> ProxyService? {
        try await services().first { $0.slug == slug }
    }

    /// Applies the given documented fields to a service; unknown fields or wrong types are 400.
    public func updateService(_ slug: String, with changes: JSONObject) async throws -> ProxyService? {
        let typed = try ProxyCatalogEdits.serviceChanges(changes)
        guard try await service(slug) != nil else { return nil }
        if !typed.isEmpty {
            try await repository.updateService(slug, changes: typed)
        }
        return try await service(slug)
    }

    /// Applies the given documented fields to an endpoint.
    public func updateEndpoint(service: String, slug: String, with changes: JSONObject) async throws -> ProxyEndpoint? {
        let typed = try ProxyCatalogEdits.endpointChanges(changes)
        guard try await self.service(service)?.endpoints.contains(where: { $0.slug == slug }) == true else { return nil }
        if !typed.isEmpty {
            try await repository.updateEndpoint(service: service, slug: slug, changes: typed)
        }
        return try await self.service(service)?.endpoints.first { $0.slug == slug }
    }
}
