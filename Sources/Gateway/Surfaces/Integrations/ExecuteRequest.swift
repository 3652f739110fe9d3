import JSONSchema

/// Seed 001's execute body (the reference's `ExecuteRequest`), checked field by field.
struct ExecuteRequest {
    let provider: LLMProvider
    /// chat.completions, text.generation or embeddings.
    let operation: String
    let params: JSONObject
    let model: String
    let credentialID: String?
    let stream: Bool
    /// How long the provider may take (`timeout`, in milliseconds, as invoke takes it); 504 after that.
    let timeout: Duration

    init(_ body: JSONObject) throws {
        let providerName = try body.requiredString("provider")
        if LLMProvider.unsupported.contains(providerName) {
            throw PlatformError.invalid("provider '\(providerName)' is not available on this gateway; use openai or huggingface")
        }
        guard let provider = LLMProvider.named(providerName) else {
            throw PlatformError.invalid("provider must be one of openai, huggingface")
        }
        let operation = try body.requiredString("operation")
        let normalized = operation == "completions" ? "text.generation" : operation
        guard provider.operations.contains(normalized) else {
            throw PlatformError.invalid("operation '\(operation)' is not supported for \(providerName); use \(provider.operations.joined(separator: ", "))")
        }
        guard let params = body["params"]?.objectValue else { throw PlatformError.invalid("params is required and must be an object") }
        let model = try params.optionalString("model")
            ?? (normalized == "embeddings" ? provider.defaultEmbeddingModel : provider.defaultModel)
        try Self.check(params, operation: normalized)
        self.provider = provider
        self.operation = normalized
        self.params = params
        self.model = model
        self.credentialID = try body.optionalString("credentialId")
        self.stream = (body["stream"]?.boolValue ?? false) || (params["stream"]?.boolValue ?? false)
        if stream && normalized == "embeddings" { throw PlatformError.invalid("embeddings cannot be streamed") }
        self.timeout = try UpstreamTimeout.parse(body, default: .seconds(120))
    }

    private static func check(_ params: JSONObject, operation: String) throws {
        switch operation {
        case "chat.completions":
            guard let messages = params["messages"]?.arrayValue, !messages.isEmpty else {
                throw PlatformError.invalid("params.messages is required: a non-empty array of {role, content}")
            }
            for (index, message) in messages.enumerated() {
                guard let role = message["role"]?.stringValue, ["system", "user", "assistant", "tool"].contains(role) else {
                    throw PlatformError.invalid("params.messages[\(index)].role must be system, user, assistant or tool")
                }
                guard message["content"]?.stringValue != nil || message["tool_calls"] != nil else {
                    throw PlatformError.invalid("params.messages[\(index)].content must be a string")
                }
            }
        case "text.generation":
            guard params["prompt"]?.stringValue != nil || params["input"]?.stringValue != nil else {
                throw PlatformError.invalid("params.prompt (or params.input) is required for text.generation")
            }
        default:
            guard let input = params["input"], input.stringValue != nil || input.arrayValue?.allSatisfy({ $0.stringValue != nil }) == true else {
                throw PlatformError.invalid("params.input is required for embeddings: a string or an array of strings")
            }
        }
        if let temperature = params["temperature"] {
            guard let value = temperature.doubleValue, (0...2).contains(value) else {
                throw PlatformError.invalid("params.temperature must be a number from 0 to 2")
            }
        }
        if let maxTokens = params["maxTokens"], maxTokens.intValue.map({ $0 > 0 }) != true {
            throw PlatformError.invalid("params.maxTokens must be a positive integer")
        }
    }
}
