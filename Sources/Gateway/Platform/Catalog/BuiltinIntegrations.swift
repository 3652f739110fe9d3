import JSONSchema

/// The platform's built-in integrations: Slack, Stripe and Discord as their official APIs define the
/// operations (upstreams/ENDPOINTS.md §4–§6), and plain HTTP.
enum BuiltinIntegrations {
    static func object(_ properties: [String: JSONValue], required: [String], additional: Bool = true) -> JSONValue {
        ["type": "object", "properties": .object(JSONObject(properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
         "required": .array(required.map(JSONValue.string)), "additionalProperties": .bool(additional)]
    }

    static let string: JSONValue = ["type": "string", "minLength": 1]
    static let integer: JSONValue = ["type": "integer", "minimum": 0]

    static let slack = Integration(
        key: "slack", name: "Slack", type: "builtin", baseURL: "https://slack.com", auth: .authorization(prefix: "Bearer", field: "bot_token"),
        requiredFields: ["bot_token"], operations: [
            IntegrationOperation(id: "send_message", name: "Send message", description: "Post a message to a channel (chat.postMessage)",
                                 method: "POST", path: "/api/chat.postMessage", bodyEncoding: "json",
                                 inputSchema: object(["channel": string, "text": string, "blocks": ["type": "array"],
                                                      "thread_ts": string], required: ["channel"]),
                                 reference: "slack_web_openapi_v2.json /chat.postMessage"),
            IntegrationOperation(id: "update_message", name: "Update message", description: "Edit a message (chat.update)",
                                 method: "POST", path: "/api/chat.update", bodyEncoding: "json",
                                 inputSchema: object(["channel": string, "ts": string, "text": string], required: ["channel", "ts"]),
                                 reference: "slack_web_openapi_v2.json /chat.update"),
            IntegrationOperation(id: "add_reaction", name: "Add reaction", description: "Add an emoji reaction (reactions.add)",
                                 method: "POST", path: "/api/reactions.add", bodyEncoding: "json",
                                 inputSchema: object(["channel": string, "timestamp": string, "name": string],
                                                     required: ["channel", "timestamp", "name"]),
                                 reference: "slack_web_openapi_v2.json /reactions.add"),
        ])

    static let stripe = Integration(
        key: "stripe", name: "Stripe", type: "builtin", baseURL: "https://api.stripe.com", auth: .authorization(prefix: "Bearer", field: "secret_key"),
        requiredFields: ["secret_key"], operations: [
            IntegrationOperation(id: "create_customer", name: "Create customer", description: "POST /v1/customers",
                                 method: "POST", path: "/v1/customers", bodyEncoding: "form",
                                 inputSchema: object(["email": string, "name": string, "description": string], required: []),
                                 reference: "spec3.yaml PostCustomers"),
            IntegrationOperation(id: "retrieve_customer", name: "Retrieve customer", description: "GET /v1/customers/{customer}",
                                 method: "GET", path: "/v1/customers/{customer}", bodyEncoding: "none",
                                 inputSchema: object(["customer": string], required: ["customer"]),
                                 reference: "spec3.yaml GetCustomersCustomer"),
            IntegrationOperation(id: "create_invoice", name: "Create invoice", description: "POST /v1/invoices",
                                 method: "POST", path: "/v1/invoices", bodyEncoding: "form",
                                 inputSchema: object(["customer": string, "auto_advance": ["type": "boolean"],
                                                      "collection_method": string], required: ["customer"]),
                                 reference: "spec3.yaml PostInvoices"),
            IntegrationOperation(id: "create_invoice_item", name: "Create invoice item", description: "POST /v1/invoiceitems",
                                 method: "POST", path: "/v1/invoiceitems", bodyEncoding: "form",
                                 inputSchema: object(["customer": string, "amount": integer, "currency": string,
                                                      "description": string, "invoice": string], required: ["customer"]),
                                 reference: "spec3.yaml PostInvoiceitems"),
            IntegrationOperation(id: "create_payment_intent", name: "Create payment intent", description: "POST /v1/payment_intents",
                                 method: "POST", path: "/v1/payment_intents", bodyEncoding: "form",
                                 inputSchema: object(["amount": integer, "currency": string, "customer": string,
                                                      "payment_method": string, "confirm": ["type": "boolean"]],
                                                     required: ["amount", "currency"]),
                                 reference: "spec3.yaml PostPaymentIntents"),
        ])

    static let discord = Integration(
        key: "discord", name: "Discord", type: "builtin", baseURL: "https://discord.com", auth: .authorization(prefix: "Bot", field: "bot_token"),
        requiredFields: ["bot_token"], operations: [
            IntegrationOperation(id: "send_message", name: "Send message", description: "Create a message in a channel",
                                 method: "POST", path: "/api/v10/channels/{channel_id}/messages", bodyEncoding: "json",
                                 inputSchema: object(["channel_id": string, "content": string, "embeds": ["type": "array"]],
                                                     required: ["channel_id"]),
                                 reference: "discord openapi.json create_message"),
            IntegrationOperation(id: "edit_message", name: "Edit message", description: "Edit a message in a channel",
                                 method: "PATCH", path: "/api/v10/channels/{channel_id}/messages/{message_id}", bodyEncoding: "json",
                                 inputSchema: object(["channel_id": string, "message_id": string, "content": string],
                                                     required: ["channel_id", "message_id"]),
                                 reference: "discord openapi.json update_message"),
            IntegrationOperation(id: "send_webhook", name: "Execute webhook", description: "Post through an incoming webhook",
                                 method: "POST", path: "/api/v10/webhooks/{webhook_id}/{webhook_token}", bodyEncoding: "json",
                                 inputSchema: object(["webhook_id": string, "webhook_token": string, "content": string,
                                                      "username": string], required: ["webhook_id", "webhook_token"]),
                                 reference: "discord openapi.json execute_webhook"),
        ])

    static let http = Integration(
        key: "http", name: "HTTP", type: "builtin", baseURL: "", auth: .none, requiredFields: [], operations: [
            IntegrationOperation(id: "request", name: "HTTP request",
                                 description: "Any HTTP request, with bearer, basic or API-key auth from the credential",
                                 method: "*", path: "{url}", bodyEncoding: "json",
                                 inputSchema: object(["url": ["type": "string", "pattern": "^https?://"],
                                                      "method": ["enum": ["GET", "POST", "PUT", "PATCH", "DELETE"]],
                                                      "headers": ["type": "object", "additionalProperties": ["type": "string"]],
                                                      "query": ["type": "object"], "body": [:]], required: ["url"]),
                                 reference: "RFC 9110"),
        ])

    static let smtp = Integration(
        key: "smtp", name: "SMTP/Email", type: "builtin", baseURL: "", auth: .none,
        requiredFields: ["host", "port", "user", "password"], operations: [
            IntegrationOperation(id: "send_email", name: "Send email", description: "Send an email via SMTP",
                                 method: "SMTP", path: "", bodyEncoding: "none",
                                 inputSchema: object(["to": ["anyOf": [string, ["type": "array", "items": string, "minItems": 1]]],
                                                      "cc": ["type": "array", "items": string], "from": string,
                                                      "subject": ["type": "string"], "text": ["type": "string"],
                                                      "html": ["type": "string"]], required: ["to", "subject"]),
                                 reference: "RFC 5321, RFC 5322"),
        ])

    static let all = [slack, stripe, discord, smtp, http]
}
