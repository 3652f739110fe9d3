import JSONSchema

/// The LLM providers seed 001's execute supports, with their real base URLs and defaults.
struct LLMProvider: Sendable {
    let name: String
    let baseURL: String
    let defaultModel: String
    let defaultEmbeddingModel: String
    /// Operations in the reference's names, plus `text.generation`.
    let operations: [String]
    /// Models known without asking the provider (Hugging Face has no model-list endpoint in its inference API).
    let knownModels: [(id: String, purpose: String)]

    static let openAI = LLMProvider(
        name: "openai", baseURL: "https://api.openai.com", defaultModel: "gpt-4o-mini",
        defaultEmbeddingModel: "text-embedding-3-small", operations: ["chat.completions", "text.generation", "embeddings"],
        knownModels: [])
    static let huggingFace = LLMProvider(
        name: "huggingface", baseURL: "https://router.huggingface.co", defaultModel: "HuggingFaceH4/zephyr-7b-beta",
        defaultEmbeddingModel: "sentence-transformers/all-MiniLM-L6-v2",
        operations: ["chat.completions", "text.generation", "embeddings"],
        knownModels: [("HuggingFaceH4/zephyr-7b-beta", "chat"), ("mistralai/Mistral-7B-Instruct-v0.3", "chat"),
                      ("sentence-transformers/all-MiniLM-L6-v2", "embedding"), ("BAAI/bge-small-en-v1.5", "embedding")])

    static let all = [openAI, huggingFace]
    /// Providers the reference's schema names that this gateway does not call.
    static let unsupported: Set<String> = ["anthropic", "google", "mistral", "cohere"]

    static func named(_ name: String) -> LLMProvider? { all.first { $0.name == name } }

    /// The reference's `ProviderInfo`, plus whether a platform key is configured.
    func info(configured: Bool) -> JSONValue {
        ["name": .string(name), "baseUrl": .string(baseURL), "defaultModel": .string(defaultModel),
         "defaultEmbeddingModel": .string(defaultEmbeddingModel),
         "supportedOperations": .array(operations.map(JSONValue.string)), "configured": .bool(configured)]
    }
}

/// The normalized answer of every provider (the reference's `NormalizedLLMResponse`).
struct NormalizedLLMResponse: Sendable {
    var provider: String
    var model: String
    var content: String
    var promptTokens: Int
    var completionTokens: Int
    var finishReason: String
    var metadata: JSONObject

    var json: JSONValue {
        ["provider": .string(provider), "model": .string(model), "content": .string(content),
         "usage": ["promptTokens": .number(JSONNumber(promptTokens)), "completionTokens": .number(JSONNumber(completionTokens)),
                   "totalTokens": .number(JSONNumber(promptTokens + completionTokens))],
         "finishReason": .string(finishReason), "metadata": .object(metadata)]
    }

    /// Provider finish reasons in the reference's enum.
    static func finishReason(_ raw: String?) -> String {
        switch raw {
        case "stop", "eos_token", "stop_sequence", "end_turn", nil: return "stop"
        case "length", "max_tokens": return "length"
        case "content_filter": return "content_filter"
        case "tool_calls", "function_call": return "tool_calls"
        default: return "incomplete"
        }
    }
}
