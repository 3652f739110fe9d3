import HTTPCore
import JSONSchema

/// JSON-RPC 2.0 messages and error codes (jsonrpc.org/specification §4–§5.1).
enum JSONRPC {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603

    /// A success response for `id`.
    static func result(_ id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    /// An error response for `id` (null when the id could not be read).
    static func error(_ id: JSONValue, code: Int, message: String, data: JSONValue? = nil) -> JSONValue {
        var error: JSONObject = ["code": .number(JSONNumber(code)), "message": .string(message)]
        if let data { error["data"] = data }
        return ["jsonrpc": "2.0", "id": id, "error": .object(error)]
    }
}

/// A failure inside a method, answered as a JSON-RPC error.
struct JSONRPCError: Error {
    let code: Int
    let message: String
}
