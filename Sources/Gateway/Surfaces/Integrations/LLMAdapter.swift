import JSONSchema

/// How one provider's wire format maps to and from the normalized execute.
protocol LLMAdapter: Sendable {
    /// Path (after the provider's base URL) and JSON body of the upstream call.
    func request(for execute: ExecuteRequest) -> (path: String, body: JSONValue)
    /// The normalized answer from the provider's JSON.
    func normalize(_ value: JSONValue, execute: ExecuteRequest) throws -> NormalizedLLMResponse
    /// The text a streamed event adds, its finish reason if it carries one, and token counts if it reports them.
    func delta(_ event: JSONValue) -> (text: String, finishReason: String?, usage: (Int, Int)?)
}

extension LLMProvider {
    var adapter: any LLMAdapter { name == "openai" ? OpenAIAdapter() : HuggingFaceAdapter() }
}

/// OpenAI: `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings` (upstreams/openai/openapi.yaml).
struct OpenAIAdapter: LLMAdapter {
    static let optionNames: [(String, String)] = [
        ("temperature", "temperature"), ("maxTokens", "max_tokens"), ("topP", "top_p"), ("stop", "stop"), ("seed", "seed"),
        ("frequencyPenalty", "frequency_penalty"), ("presencePenalty", "presence_penalty"), ("tools", "tools"),
        ("toolChoice", "tool_choice"), ("tool_choice", "tool_choice"),
    ]

    func request(for execute: ExecuteRequest) -> (path: String, body: JSONValue) {
        var body: JSONObject = ["model": .string(execute.model)]
        switch execute.operation {
        case "embeddings":
            body["input"] = execute.params["input"] ?? ""
            return ("/v1/embeddings", .object(body))
        case "text.generation":
            body["prompt"] = execute.params["prompt"] ?? execute.params["input"] ?? ""
        default:
            body["messages"] = execute.params["messages"] ?? []
        }
        for (ours, theirs) in Self.optionNames { if let value = execute.params[ours] { body[theirs] = value } }
        if execute.stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return (execute.operation == "text.generation" ? "/v1/completions" : "/v1/chat/completions", .object(body))
    }

    func normalize(_ value: JSONValue, execute: ExecuteRequest) throws -> NormalizedLLMResponse {
        let usage = value["usage"]
        var metadata: JSONObject = [:]
        if let id = value["id"] { metadata["id"] = id }
        if execute.operation == "embeddings" {
            metadata["embeddings"] = .array(value["data"]?.arrayValue?.compactMap { $0["embedding"] } ?? [])
            return NormalizedLLMResponse(provider: "openai", model: value["model"]?.stringValue ?? execute.model, content: "",
                                         promptTokens: usage?["prompt_tokens"]?.intValue ?? 0, completionTokens: 0,
                                         finishReason: "stop", metadata: metadata)
        }
        guard let choice = value["choices"]?[0] else { throw SurfaceError(.badGateway, "Provider returned no choices") }
        let message = choice["message"]
        if let calls = message?["tool_calls"], !calls.isNull { metadata["toolCalls"] = calls }
        return NormalizedLLMResponse(
            provider: "openai", model: value["model"]?.stringValue ?? execute.model,
            content: message?["content"]?.stringValue ?? choice["text"]?.stringValue ?? "",
            promptTokens: usage?["prompt_tokens"]?.intValue ?? 0, completionTokens: usage?["completion_tokens"]?.intValue ?? 0,
            finishReason: NormalizedLLMResponse.finishReason(choice["finish_reason"]?.stringValue), metadata: metadata)
    }

    func delta(_ event: JSONValue) -> (text: String, finishReason: String?, usage: (Int, Int)?) {
        let choice = event["choices"]?[0]
        let text = choice?["delta"]?["content"]?.stringValue ?? choice?["text"]?.stringValue ?? ""
        let usage = event["usage"].flatMap { usage -> (Int, Int)? in
            guard let prompt = usage["prompt_tokens"]?.intValue else { return nil }
            return (prompt, usage["completion_tokens"]?.intValue ?? 0)
        }
        return (text, choice?["finish_reason"]?.stringValue, usage)
    }
}

/// Hugging Face inference: the classic text-generation task and feature extraction (upstreams/ENDPOINTS.md §7).
/// Chat messages become one prompt, so chat via Hugging Face yields the same normalized shape as via OpenAI.
struct HuggingFaceAdapter: LLMAdapter {
    func request(for execute: ExecuteRequest) -> (path: String, body: JSONValue) {
        let model = execute.model
        if execute.operation == "embeddings" {
            return ("/hf-inference/models/\(model)/pipeline/feature-extraction", ["inputs": execute.params["input"] ?? ""])
        }
        var parameters: JSONObject = ["return_full_text": false]
        if let value = execute.params["maxTokens"] { parameters["max_new_tokens"] = value }
        if let value = execute.params["temperature"] { parameters["temperature"] = value }
        if let value = execute.params["topP"] { parameters["top_p"] = value }
        if let value = execute.params["stop"] { parameters["stop"] = value }
        if let value = execute.params["seed"] { parameters["seed"] = value }
        var body: JSONObject = ["inputs": .string(Self.prompt(execute)), "parameters": .object(parameters)]
        if execute.stream { body["stream"] = true }
        return ("/hf-inference/models/\(model)", .object(body))
    }

    /// The chat as a prompt: each message on its own line as `role: content`, ending with `assistant:`.
    static func prompt(_ execute: ExecuteRequest) -> String {
        if execute.operation == "text.generation" {
            return execute.params["prompt"]?.stringValue ?? execute.params["input"]?.stringValue ?? ""
        }
        let lines = execute.params["messages"]?.arrayValue?.map {
            "\($0["role"]?.stringValue ?? "user"): \($0["content"]?.stringValue ?? "")"
        } ?? []
        return (lines + ["assistant:"]).joined(separator: "\n")
    }

    func normalize(_ value: JSONValue, execute: ExecuteRequest) throws -> NormalizedLLMResponse {
        if execute.operation == "embeddings" {
            let rows: [JSONValue]
            if let first = value[0], first.arrayValue != nil { rows = value.arrayValue ?? [] } else { rows = [value] }
            return NormalizedLLMResponse(provider: "huggingface", model: execute.model, content: "", promptTokens: 0,
                                         completionTokens: 0, finishReason: "stop", metadata: ["embeddings": .array(rows)])
        }
        let output = value.arrayValue?.first ?? value
        guard let text = output["generated_text"]?.stringValue else {
            throw SurfaceError(.badGateway, "Provider returned no generated_text")
        }
        let details = output["details"]
        return NormalizedLLMResponse(
            provider: "huggingface", model: execute.model, content: text, promptTokens: 0,
            completionTokens: details?["generated_tokens"]?.intValue ?? 0,
            finishReason: NormalizedLLMResponse.finishReason(details?["finish_reason"]?.stringValue), metadata: [:])
    }

    func delta(_ event: JSONValue) -> (text: String, finishReason: String?, usage: (Int, Int)?) {
        let special = event["token"]?["special"]?.boolValue ?? false
        let text = special ? "" : event["token"]?["text"]?.stringValue ?? ""
        let details = event["details"]
        let finish = details?["finish_reason"]?.stringValue ?? (event["generated_text"]?.stringValue != nil ? "stop" : nil)
        return (text, finish, details?["generated_tokens"]?.intValue.map { (0, $0) })
    }
}
