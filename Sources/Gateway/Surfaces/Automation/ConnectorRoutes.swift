import Crypto
import HTTPCore
import HTTPServer
import JSONSchema
import Store

/// Seed 002 `/api/v1/connectors`: the available connector types with their actions' schemas, and connector
/// instances bound to a credential.
enum ConnectorRoutes {
    static func register(on group: inout RouterBuilder, platform: Platform) {
        let rows = RowStore(database: platform.database)
        group.get("/connectors") { request in
            let principal = try request.principal()
            if request.query("available") == "true" {
                return .json(.array(BuiltinIntegrations.all.map(available)))
            }
            let page = try Pagination(HTTPRequestQuery(value: request.query))
            let (found, total) = try await rows.page("connectors", organizationID: principal.organization.id,
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
            try await platform.database.write { connection in
                try connection.execute("INSERT INTO connectors (id, org_id, name, type, credential_id, config, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       [.text(id), .text(principal.organization.id), .text(name), .text(type), SQLValue(credentialID),
                                        .text(config.serialized()), .text(now)])
            }
            return .json(["id": .string(id), "name": .string(name), "type": .string(type),
                          "credentialId": credentialID.map(JSONValue.string) ?? nil, "config": config, "createdAt": .string(now)],
                         status: .created)
        }
        group.get("/connectors/{id}") { request in
            guard let row = try await rows.row("connectors", id: request.parameter("id"),
                                                organizationID: try request.principal().organization.id) else {
                throw PlatformError.notFound("Connector not found")
            }
            return .json(json(row))
        }
        group.delete("/connectors/{id}") { request in
            let principal = try request.principal()
            try principal.require(.member)
            guard try await rows.delete("connectors", id: request.parameter("id"), organizationID: principal.organization.id) else {
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

    static func json(_ row: Row) -> JSONValue {
        ["id": .string((try? row.require("id", as: String.self)) ?? ""), "name": .string((try? row.require("name", as: String.self)) ?? ""),
         "type": .string((try? row.require("type", as: String.self)) ?? ""),
         "credentialId": ((try? row.string("credential_id")) ?? nil).map(JSONValue.string) ?? nil,
         "config": RowStore.json(row, "config"), "createdAt": .string((try? row.require("created_at", as: String.self)) ?? "")]
    }
}
