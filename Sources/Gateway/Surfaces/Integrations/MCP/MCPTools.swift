import JSONSchema

/// The tools an organization sees over MCP: its integration operations and its external servers' tools.
struct MCPTools {
    let platform: Platform
    let registry: IntegrationRegistry
    let external: MCPExternalServers

    func list(_ organization: Organization) async throws -> [JSONValue] {
        var tools: [JSONValue] = []
        for integration in try await registry.integrations(organizationID: organization.id) {
            for operation in integration.operations {
                tools.append(["name": .string("\(integration.key)__\(operation.id)"), "title": .string("\(integration.name): \(operation.name)"),
                              "description": .string(operation.description), "inputSchema": operation.inputSchema])
            }
        }
        for server in try await external.servers(organizationID: organization.id) {
            for tool in server.tools {
                var copy = tool.objectValue ?? [:]
                copy["name"] = .string("\(server.key)__\(tool["name"]?.stringValue ?? "")")
                tools.append(.object(copy))
            }
        }
        return tools
    }

    /// Runs a tool; failures of the tool itself are results with `isError: true` (MCP "Tools" §Error Handling).
    func call(_ params: JSONValue, principal: Principal) async throws -> JSONValue {
        guard let name = params["name"]?.stringValue else { throw JSONRPCError(code: JSONRPC.invalidParams, message: "params.name is required") }
        let arguments = params["arguments"] ?? [:]
        guard arguments.objectValue != nil else { throw JSONRPCError(code: JSONRPC.invalidParams, message: "params.arguments must be an object") }
        guard let separator = name.range(of: "__") else {
            throw JSONRPCError(code: JSONRPC.invalidParams, message: "Unknown tool: \(name)")
        }
        let parts = [String(name[..<separator.lowerBound]), String(name[separator.upperBound...])]
        let organization = principal.organization
        if let server = try await external.servers(organizationID: organization.id).first(where: { $0.key == parts[0] }) {
            return try await external.call(server, tool: parts[1], arguments: arguments)
        }
        guard let integration = try await registry.integration(parts[0], organizationID: organization.id),
              let operation = integration.operations.first(where: { $0.id == parts[1] }) else {
            throw JSONRPCError(code: JSONRPC.invalidParams, message: "Unknown tool: \(name)")
        }
        let problems = OperationInvoker.validate(arguments, for: operation)
        guard problems.isEmpty else {
            return Self.result("Invalid arguments: " + problems.map { "\($0.instancePath.isEmpty ? "(root)" : $0.instancePath): \($0.message)" }
                .joined(separator: "; "), isError: true)
        }
        do {
            let credential = try await IntegrationCredentials.secrets(for: integration, credentialID: nil, organization: organization,
                                                                      platform: platform)
            let result = try await OperationInvoker(platform: platform).run(
                integration, operation, input: arguments, credential: credential,
                context: UsageContext(organizationID: organization.id, surface: "integrations.mcp", operation: "\(parts[0]).\(parts[1])"))
            let failed = result.status >= 400 || result.body["ok"] == false
            var answer = Self.result(result.body.serialized(), isError: failed)
            if result.body.objectValue != nil { answer["structuredContent"] = result.body }
            return answer
        } catch {
            return Self.result("The call failed: \(error)", isError: true)
        }
    }

    static func result(_ text: String, isError: Bool) -> JSONValue {
        ["content": [["type": "text", "text": .string(text)]], "isError": .bool(isError)]
    }
}
