import Foundation
import HTTPClient
import HTTPCore
import JSONSchema

/// The result of running an integration operation: the upstream status and its body.
public struct OperationResult: Sendable {
    public var status: Int
    public var body: JSONValue
    public var durationMs: Int

    public var json: JSONValue { ["status": .number(JSONNumber(status)), "body": body] }
}

/// Runs integration operations for every surface (seed 001 invoke and MCP tools, seed 002 connectors,
/// seed 003 callables): validates the input against the operation's schema, injects the credential,
/// and calls the provider through the platform's upstream client.
public struct OperationInvoker: Sendable {
    let platform: Platform

    public init(platform: Platform) {
        self.platform = platform
    }

    /// Validation failures by JSON pointer, or [] when the input fits the operation's schema.
    public static func validate(_ input: JSONValue, for operation: IntegrationOperation) -> [ValidationError] {
        (try? JSONSchemaValidator(schema: operation.inputSchema).validate(input)) ?? []
    }

    public func run(_ integration: Integration, _ operation: IntegrationOperation, input: JSONValue, credential: JSONValue?,
                    context: UsageContext, timeout: Duration = .seconds(30)) async throws -> OperationResult {
        let errors = Self.validate(input, for: operation)
        guard errors.isEmpty else {
            throw SurfaceError(.badRequest, "input does not match the schema of \(integration.key).\(operation.id)",
                               body: ["success": false, "error": .string("input does not match the operation's schema"),
                                      "errorCategory": "validation", "retryable": false,
                                      "details": .array(errors.map { ["path": .string($0.instancePath), "keyword": .string($0.keyword),
                                                                      "message": .string($0.message)] })])
        }
        if integration.key == "smtp" { return try await EmailSender.send(input, credential: credential, timeout: timeout) }
        let request = try OperationRequestBuilder.build(integration, operation, input: input, credential: credential,
                                                        directory: platform.upstream.directory, timeout: timeout)
        let start = ContinuousClock.now
        let response = try await platform.upstream.send(request, provider: integration.key, context: context)
        let bytes = try await response.collect(upTo: 16 << 20)
        let body = (try? JSONValue(parsing: bytes)) ?? (bytes.isEmpty ? .null : .string(String(decoding: bytes, as: UTF8.self)))
        return OperationResult(status: response.status.code, body: body, durationMs: LLMExecutor.milliseconds(since: start))
    }
}

/// Builds the HTTP request of an operation from its description, input and credential.
enum OperationRequestBuilder {
    static func build(_ integration: Integration, _ operation: IntegrationOperation, input: JSONValue, credential: JSONValue?,
                      directory: UpstreamDirectory, timeout: Duration) throws -> HTTPClientRequest {
        var fields = input.objectValue ?? [:]
        var method = operation.method
        var base = integration.baseURL
        var path: String
        var headers = HTTPHeaders()
        var query: [(String, String)] = []
        if integration.key == "http" {
            guard let url = fields.removeValue(forKey: "url")?.stringValue else { throw PlatformError.invalid("url is required") }
            method = fields.removeValue(forKey: "method")?.stringValue ?? "GET"
            for (name, value) in fields.removeValue(forKey: "headers")?.objectValue ?? [:] {
                if let text = value.stringValue { headers.add(name: name, value: text) }
            }
            query = (fields.removeValue(forKey: "query")?.objectValue ?? [:]).map { ($0.key, scalar($0.value)) }
            fields = fields["body"]?.objectValue ?? [:]
            base = ""
            path = url
        } else {
            path = operation.path
            for name in PathTemplate.names(in: operation.path) {
                guard let value = fields.removeValue(forKey: name) else { throw PlatformError.invalid("\(name) is required") }
                path = path.replacingOccurrences(of: "{\(name)}", with: FormURLEncoding.escape(scalar(value)))
            }
        }
        try inject(integration.auth, credential: credential, headers: &headers, query: &query, integration: integration.key)
        var body: HTTPClientRequestBody = .none
        let encoding = integration.key == "http" ? (["GET", "DELETE"].contains(method) ? "none" : "json") : operation.bodyEncoding
        switch encoding {
        case "form": body = .form(FormFields.flatten(.object(fields)))
        case "json": body = .json(JSONValue.object(fields).serializedBytes())
        default: query += fields.map { ($0.key, scalar($0.value)) }
        }
        var url = base.isEmpty ? path : directory.url(base: base, path: path)
        if !query.isEmpty { url += (url.contains("?") ? "&" : "?") + FormURLEncoding.encode(query) }
        return HTTPClientRequest(method: HTTPMethod(rawValue: method) ?? .get, url: url, headers: headers, body: body,
                                 timeout: timeout)
    }

    static func inject(_ auth: IntegrationAuth, credential: JSONValue?, headers: inout HTTPHeaders,
                       query: inout [(String, String)], integration: String) throws {
        func secret(_ field: String) throws -> String {
            guard let value = credential?[field]?.stringValue, !value.isEmpty else {
                throw PlatformError.invalid("the \(integration) credential needs the field '\(field)'")
            }
            return value
        }
        switch auth {
        case .none:
            if let token = credential?["token"]?.stringValue { headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)") }
        case .authorization(let prefix, let field): headers.replaceOrAdd(name: "Authorization", value: "\(prefix) \(try secret(field))")
        case .header(let name, let field): headers.replaceOrAdd(name: name, value: try secret(field))
        case .query(let name, let field): query.append((name, try secret(field)))
        case .basic(let user, let password):
            let pair = Data("\(try secret(user)):\(try secret(password))".utf8).base64EncodedString()
            headers.replaceOrAdd(name: "Authorization", value: "Basic \(pair)")
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.description
        default: return value.serialized()
        }
    }
}

/// Stripe-style form encoding of nested input: `metadata[key]=value`, `items[0][price]=…` (Stripe API docs,
/// "Form encoding").
enum FormFields {
    static func flatten(_ value: JSONValue, prefix: String = "") -> [(String, String)] {
        switch value {
        case .object(let object):
            return object.flatMap { key, item in flatten(item, prefix: prefix.isEmpty ? key : "\(prefix)[\(key)]") }
        case .array(let items):
            return items.enumerated().flatMap { index, item in flatten(item, prefix: "\(prefix)[\(index)]") }
        case .null:
            return []
        default:
            return [(prefix, OperationRequestBuilder.scalar(value))]
        }
    }
}
