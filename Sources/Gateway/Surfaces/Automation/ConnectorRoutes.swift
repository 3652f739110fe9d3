import Crypto
import HTTPCore
import HTTPServer
import JSONSchema

/// Seed 002 `/api/v1/connectors`: the available connector types with their actions' schemas, and connector
/// instances bound to a credential.
enum ConnectorRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform) {
        let connectors = platform.repositories.connectors
        group.get("/connectors") { request in
            let principal = try request.principal()
            if request.query("available") == "true" {
                return .json(.array(BuiltinIntegrations.all.map(available)))
            }
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await connectors.page(organizationID: principal.organization.id,
                                                           limit: page.limit, offset: page.offset)
            var response = HTTPResponse.json(.array(found.map(json)))
            response.headers.add(name: "X-Total-Count", value: String(total))
            return response
        }
        group.post("/connectors") { request in
            let principal = try request.principal()
            try principal.require(.member)
            let body = try request.jsonObject()
            let name = try body.requiredString("name")
            let type = try body.requiredString("type")
            guard let integration = BuiltinIntegrations.all.first(where: { $0.key == type }) else {
                throw PlatformError.invalid("type must be one of \(BuiltinIntegrations.all.map(\.key).joined(separator: ", "))")
            }
            let credentialID = try body.optionalString("credentialId")
            if !integration.requiredFields.isEmpty && credentialID == nil {
                throw PlatformError.invalid("credentialId is required for \(type) connectors")
            }
            if let credentialID {
                guard let secrets = try await platform.credentials.secrets(id: credentialID, organizationID: principal.organization.id) else {
                    throw PlatformError.invalid("credentialId '\(credentialID)' does not name one of your credentials")
                }
                let missing = integration.requiredFields.filter { secrets[$0] == nil }
                guard missing.isEmpty else {
                    throw PlatformError.invalid("credential '\(credentialID)' lacks \(missing.joined(separator: ", ")) needed by \(type)")
                }
            }
            let config = body["config"] ?? [:]
            guard config.objectValue != nil else { throw PlatformError.invalid("config must be an object") }
            let id = "conn_" + SecureRandom.hexToken(bytes: 10)
            let now = Timestamp.now()
            try await connectors.insert(ConnectorRecord(id: id, organizationID: principal.organization.id, name: name,
                                                        type: type, credentialID: credentialID, config: config, createdAt: now))
            return .json(["id": .string(id), "name": .string(name), "type": .string(type),
                          "credentialId": credentialID.map(JSONValue.string) ?? nil, "config": config, "createdAt": .string(now)],
                         status: .created)
        }
        group.get("/connectors/{id}") { request in
            let organizationID = try request.principal().organization.id
            guard let connector = try await connectors.connector(id: request.parameter("id"), organizationID: organizationID) else {
                throw PlatformError.notFound("Connector not found")
            }
            return .json(json(connector))
        }
        group.delete("/connectors/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await connectors.delete(id: request.parameter("id"), organizationID: principal.organization.id) else {
                throw PlatformError.notFound("Connector not found")
            }
            return HTTPResponse(status: .noContent)
        }
    }

    /// An available connector type as seed 002 lists it.
    static func available(_ integration: Integration) -> JSONValue {
        ["type": .string(integration.key), "name": .string(integration.name),
         "description": .string(integration.operations.map(\.description).joined(separator: "; ")),
         "requiredFields": .array(integration.requiredFields.map(JSONValue.string)),
         "actions": .array(integration.operations.map { operation in
             ["name": .string(operation.id), "description": .string(operation.description), "inputSchema": operation.inputSchema,
              "outputSchema": operation.outputSchema ?? ["type": "object", "description": "The provider's JSON answer"]]
         })]
    }

    static func json(_ connector: ConnectorRecord) -> JSONValue {
        ["id": .string(connector.id), "name": .string(connector.name), "type": .string(connector.type),
         "credentialId": connector.credentialID.map(JSONValue.string) ?? nil, "config": connector.config,
         "createdAt": .string(connector.createdAt)]
    }
}
