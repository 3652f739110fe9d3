extension BundledSchemas {
    /// `Scenarios/scenario.schema.json`, compiled in so any folder of contracts is checked against it (a test keeps the file equal).
    static let scenario = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "https://switchboard.local/scenarios/scenario.schema.json",
          "title": "Switchboard scenario",
          "description": "A flow that spans endpoints: ordered steps, each exactly one of request, wait, journal, webhook or resetMock. Every step's result can be captured by later steps as {{steps.<id>.status}}, {{steps.<id>.body.<a.b.0>}} or {{steps.<id>.headers.<name>}}; {{webhookURL}} is the address of a webhook receiver the runner starts for this scenario. Requests, headers, schemas and expectations are those of contracts (https://switchboard.local/contracts/contract.schema.json).",
          "type": "object",
          "required": ["name", "steps"],
          "additionalProperties": false,
          "properties": {
            "$schema": { "type": "string" },
            "name": { "description": "Unique among scenarios.", "type": "string", "pattern": "^[A-Za-z0-9._-]+$" },
            "description": { "type": "string" },
            "surface": { "description": "The surface the flow belongs to, as in Contracts/endpoints.json.", "type": "string", "pattern": "^[a-z0-9-]+$" },
            "tags": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/tags" },
            "concurrent": { "description": "Whether the scenario may run alongside others. Default false.", "type": "boolean" },
            "skip": { "description": "Why the scenario is not run; it is reported as skipped.", "type": "string", "minLength": 1 },
            "steps": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/step" } }
          },
          "definitions": {
            "step": {
              "type": "object",
              "required": ["id"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/stepID" },
                "description": { "type": "string" },
                "request": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/request" },
                "expect": {
                  "description": "Checked against the response of request, or the last response of wait.",
                  "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/expect"
                },
                "wait": { "$ref": "#/definitions/wait" },
                "journal": { "$ref": "#/definitions/journal" },
                "webhook": { "$ref": "#/definitions/webhook" },
                "resetMock": { "description": "POST {{mockBaseURL}}/_mock/reset.", "const": true }
              }
            },
            "timeout": { "description": "Seconds to keep trying.", "type": "number", "exclusiveMinimum": 0, "maximum": 600 },
            "wait": {
              "description": "Sends the request again until the JSON Pointer into the body equals the value (and the status matches, when given), or fails after the timeout (default 10 s).",
              "type": "object",
              "required": ["request", "until"],
              "additionalProperties": false,
              "properties": {
                "request": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/request" },
                "until": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/until" },
                "timeoutSeconds": { "$ref": "#/definitions/timeout" },
                "intervalMilliseconds": { "type": "integer", "minimum": 10, "maximum": 60000 }
              }
            },
            "journal": {
              "description": "Asks the mock upstream's journal (GET {{mockBaseURL}}/_mock/journal?provider=&method=&path=) for the calls the implementation made. Entries are kept when they contain bodySubset, formSubset and querySubset; the step retries until count of them exist (default: at least one) or the timeout passes (default 5 s).",
              "type": "object",
              "required": ["provider"],
              "additionalProperties": false,
              "properties": {
                "provider": { "type": "string", "minLength": 1 },
                "method": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/method" },
                "path": { "type": "string", "pattern": "^/" },
                "count": { "description": "Exactly this many matching entries.", "type": "integer", "minimum": 0 },
                "bodySubset": { "description": "JSON each kept entry's body contains." },
                "formSubset": { "type": "object", "additionalProperties": { "type": "string" } },
                "querySubset": {
                  "description": "Query parameters each kept entry's query string holds.",
                  "type": "object",
                  "additionalProperties": { "type": "string" }
                },
                "timeoutSeconds": { "$ref": "#/definitions/timeout" }
              }
            },
            "webhook": {
              "description": "Waits for deliveries to {{webhookURL}} whose body contains bodySubset (default: at least one; count: exactly that many), then checks each one's header fields, schema and signature: with secret set, the signature header (default X-Webhook-Signature) must be the hex HMAC-SHA256 of the raw body under the secret (seed 002, Verifying Webhook Signatures).",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "count": { "type": "integer", "minimum": 0 },
                "bodySubset": {},
                "headers": {
                  "type": "object",
                  "additionalProperties": { "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/headerRule" }
                },
                "schema": { "type": ["object", "boolean"] },
                "secret": { "type": "string", "minLength": 1 },
                "signatureHeader": { "type": "string", "minLength": 1 },
                "timeoutSeconds": { "$ref": "#/definitions/timeout" }
              }
            }
          }
        }
        """#
}
