import Foundation
import HTTPClient
import HTTPCore
import JSONSchema

/// Runs an agent callable: a chat-completions tool loop on OpenAI through the upstream client. Each configured
/// API endpoint is a function tool; when the model calls one, the gateway calls the endpoint with its
/// configured authentication injected and feeds the result back, until the model answers (at most 6 turns).
struct AgentRunner {
    let platform: Platform
    static let maxTurns = 6

    func run(_ agent: AgentRecord, message: String, organization: Organization) async throws -> JSONValue {
        let key = try await LLMCredentials.key(for: "openai", credentialID: nil, organization: organization, platform: platform)
        let tools = agent.endpoints.map { name, endpoint in Self.tool(name: name, endpoint: endpoint.objectValue ?? [:]) }
        var messages: [JSONValue] = [["role": "system", "content": .string(agent.instructions.isEmpty
            ? "You are a helpful agent. Use the tools to call APIs when needed." : agent.instructions)],
                                     ["role": "user", "content": .string(message)]]
        for _ in 0..<Self.maxTurns {
            var body: JSONObject = ["model": .string(agent.model), "messages": .array(messages)]
            if !tools.isEmpty { body["tools"] = .array(tools) }
            let reply = try await complete(.object(body), key: key, organizationID: organization.id)
            guard let message = reply["choices"]?[0]?["message"] else { throw SurfaceError(.badGateway, "the model returned no message") }
            guard let calls = message["tool_calls"]?.arrayValue, !calls.isEmpty else {
                return .string(message["content"]?.stringValue ?? "")
            }
            messages.append(message)
            for call in calls {
                let name = call["function"]?["name"]?.stringValue ?? ""
                let arguments = (try? JSONValue(parsing: call["function"]?["arguments"]?.stringValue ?? "{}")) ?? [:]
                let result: JSONValue
                if let endpoint = agent.endpoints[name]?.objectValue {
                    result = await callEndpoint(endpoint, arguments: arguments, organizationID: organization.id, name: name)
                } else {
                    result = ["error": .string("unknown tool \(name)")]
                }
                messages.append(["role": "tool", "tool_call_id": call["id"] ?? "", "content": .string(String(result.serialized().prefix(8000)))])
            }
        }
        throw SurfaceError(.badGateway, "the agent did not finish within \(Self.maxTurns) turns")
    }

    /// The function tool for an endpoint: its methods, path parameters, query and body.
    static func tool(name: String, endpoint: JSONObject) -> JSONValue {
        let methods = endpoint["methods"]?.arrayValue ?? ["GET"]
        let path = endpoint["path"]?.stringValue ?? "/"
        let parameters = PathTemplate.names(in: path)
        var properties: JSONObject = ["method": ["type": "string", "enum": .array(methods)], "query": ["type": "object"],
                                      "body": ["type": "object"]]
        if !parameters.isEmpty {
            properties["path_params"] = ["type": "object", "properties": .object(JSONObject(parameters.map { ($0, ["type": "string"]) })),
                                         "required": .array(parameters.map(JSONValue.string))]
        }
        let description = "\(endpoint["description"]?.stringValue ?? "") (\(methods.compactMap(\.stringValue).joined(separator: "/")) \(path))"
        return ["type": "function", "function": ["name": .string(name), "description": .string(description),
                                                  "parameters": ["type": "object", "properties": .object(properties),
                                                                 "required": parameters.isEmpty ? [] : ["path_params"]]]]
    }

    private func complete(_ body: JSONValue, key: String, organizationID: String) async throws -> JSONValue {
        let url = platform.upstream.directory.url(base: LLMProvider.openAI.baseURL, path: "/v1/chat/completions")
        do {
            let response = try await platform.upstream.send(
                HTTPClientRequest(method: .post, url: url, headers: ["Authorization": "Bearer \(key)"], body: .json(body.serializedBytes()),
                                  timeout: .seconds(120)),
                provider: "openai", context: UsageContext(organizationID: organizationID, surface: "callables", operation: "agent"))
            let bytes = try await response.collect(upTo: 8 << 20)
            guard response.status.code < 400, let value = try? JSONValue(parsing: bytes) else {
                throw SurfaceError(.badGateway, "the model provider answered \(response.status.code)")
            }
            return value
        } catch let error as UpstreamError {
            throw LLMErrors.fromUpstream(error)
        }
    }

    /// Calls a configured endpoint with its authentication injected (bearer, API key in header or query, cookie).
    func callEndpoint(_ endpoint: JSONObject, arguments: JSONValue, organizationID: String, name: String) async -> JSONValue {
        var path = endpoint["path"]?.stringValue ?? "/"
        for parameter in PathTemplate.names(in: path) {
            let value = arguments["path_params"]?[parameter].map(OperationRequestBuilder.scalar) ?? ""
            path = path.replacingOccurrences(of: "{\(parameter)}", with: FormURLEncoding.escape(value))
        }
        let allowed = endpoint["methods"]?.arrayValue?.compactMap(\.stringValue) ?? ["GET"]
        let method = arguments["method"]?.stringValue.flatMap { allowed.contains($0) ? $0 : nil } ?? allowed[0]
        var query = (arguments["query"]?.objectValue ?? [:]).map { ($0.key, OperationRequestBuilder.scalar($0.value)) }
        var headers: HTTPHeaders = ["Accept": "application/json"]
        let auth = endpoint["authentication"] ?? nil
        switch auth["type"]?.stringValue {
        case "bearer_token": headers.add(name: "Authorization", value: "Bearer \(auth["token"]?.stringValue ?? "")")
        case "api_key":
            let keyName = auth["key_name"]?.stringValue ?? "X-API-Key", value = auth["key_value"]?.stringValue ?? ""
            if auth["location"] == "query" { query.append((keyName, value)) } else { headers.add(name: keyName, value: value) }
        case "cookie": headers.add(name: "Cookie", value: auth["cookie"]?.stringValue ?? "")
        default: break
        }
        let base = (endpoint["base_url"]?.stringValue ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var url = base + path
        if !query.isEmpty { url += "?" + FormURLEncoding.encode(query) }
        let body: HTTPClientRequestBody = ["GET", "DELETE"].contains(method) ? .none : .json((arguments["body"] ?? [:]).serializedBytes())
        do {
            let response = try await platform.upstream.send(
                HTTPClientRequest(method: HTTPMethod(rawValue: method) ?? .get, url: url, headers: headers, body: body, timeout: .seconds(30)),
                provider: URL(string: url)?.host ?? "api", context: UsageContext(organizationID: organizationID, surface: "callables",
                                                                                  operation: "api_caller.\(name)"))
            let bytes = try await response.collect(upTo: 1 << 20)
            return ["status": .number(JSONNumber(response.status.code)),
                    "body": (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes.prefix(8000), as: UTF8.self))]
        } catch {
            return ["error": .string("the call failed: \(error)")]
        }
    }
}
