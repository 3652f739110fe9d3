extension BundledSchemas {
    /// `Contracts/contract.schema.json`, compiled in so any folder of contracts is checked against it (a test keeps the file equal).
    static let contract = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "https://switchboard.local/contracts/contract.schema.json",
          "title": "Switchboard contract",
          "description": "One endpoint documented in a seed (it must be listed in Contracts/endpoints.json) and the cases that check it: each case sends one request (after optional setup steps) and states the status, header fields and body schema a conforming implementation answers with. Strings in requests and expectations may hold placeholders: {{name}} for a profile variable, {{baseURL}}, {{mockBaseURL}}, {{webhookURL}}, {{steps.<id>.status}}, {{steps.<id>.body.<a.b.0>}}, {{steps.<id>.headers.<name>}}, {{$uuid}} and {{$random}}.",
          "type": "object",
          "required": ["endpoint", "cases"],
          "additionalProperties": false,
          "properties": {
            "$schema": { "type": "string" },
            "description": { "type": "string" },
            "endpoint": {
              "description": "The documented endpoint: method and path template exactly as listed in Contracts/endpoints.json, and where the seed documents it.",
              "type": "object",
              "required": ["method", "path", "seed", "section"],
              "additionalProperties": false,
              "properties": {
                "method": { "$ref": "#/definitions/method" },
                "path": {
                  "description": "Path template with {param} segments, e.g. /api/ai-proxy/orgs/{org}/services/{service}/.",
                  "type": "string",
                  "pattern": "^/"
                },
                "aliases": {
                  "description": "Other path templates serving the same endpoint (each also listed in the manifest); every case that does not set request.path runs once per alias too.",
                  "type": "array",
                  "items": { "type": "string", "pattern": "^/" },
                  "uniqueItems": true
                },
                "seed": { "description": "000 to 004, or switchboard for our own operational endpoints.", "type": "string", "pattern": "^(00[0-4]|switchboard)$" },
                "section": { "description": "The seed's heading that documents the endpoint.", "type": "string", "minLength": 1 }
              }
            },
            "tags": { "$ref": "#/definitions/tags" },
            "defaults": {
              "description": "Applied to every case's request (a case's own header with the same name wins; a null header removes a default).",
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "headers": { "$ref": "#/definitions/headers" },
                "query": { "$ref": "#/definitions/query" }
              }
            },
            "cases": {
              "type": "array",
              "minItems": 1,
              "items": { "$ref": "#/definitions/case" }
            }
          },
          "definitions": {
            "method": { "enum": ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] },
            "tags": {
              "description": "Labels for --only; every case also carries its surface's name. Error cases carry error.",
              "type": "array",
              "items": { "type": "string", "pattern": "^[A-Za-z0-9._-]+$" },
              "uniqueItems": true
            },
            "headers": {
              "description": "Header fields to send; null removes a field set by defaults.",
              "type": "object",
              "additionalProperties": { "type": ["string", "null"] }
            },
            "query": {
              "description": "Query parameters, percent-encoded when sent; an array repeats the parameter.",
              "type": "object",
              "additionalProperties": { "type": ["string", "array"], "items": { "type": "string" } }
            },
            "case": {
              "type": "object",
              "required": ["name", "expect"],
              "additionalProperties": false,
              "properties": {
                "name": { "description": "Unique within the contract.", "type": "string", "minLength": 1 },
                "description": { "type": "string" },
                "tags": { "$ref": "#/definitions/tags" },
                "concurrent": {
                  "description": "Whether the case may run alongside others (it changes no state another case reads). Default true.",
                  "type": "boolean"
                },
                "skip": { "description": "Why the case is not run; it is reported as skipped.", "type": "string", "minLength": 1 },
                "setup": {
                  "description": "Requests sent first, in order, whose responses later strings capture as {{steps.<id>.…}}.",
                  "type": "array",
                  "items": { "$ref": "#/definitions/step" }
                },
                "request": { "$ref": "#/definitions/caseRequest" },
                "expect": {
                  "allOf": [{ "$ref": "#/definitions/expect" }, { "required": ["status"] }]
                }
              }
            },
            "requestFields": {
              "type": "object",
              "properties": {
                "headers": { "$ref": "#/definitions/headers" },
                "query": { "$ref": "#/definitions/query" },
                "json": { "description": "A JSON body (sent as application/json). A string that is exactly one placeholder keeps the captured value's JSON type." },
                "raw": { "description": "A body sent as it is (set Content-Type in headers or contentType).", "type": "string" },
                "form": {
                  "description": "An application/x-www-form-urlencoded body.",
                  "type": "object",
                  "additionalProperties": { "type": "string" }
                },
                "contentType": { "type": "string", "minLength": 1 }
              }
            },
            "caseRequest": {
              "description": "The request: method and path come from the endpoint (path parameters from pathParams, else from the profile variable of the same name) unless path is given.",
              "allOf": [{ "$ref": "#/definitions/requestFields" }],
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "path": { "description": "A concrete path (or absolute URL) instead of the endpoint's template.", "type": "string", "minLength": 1 },
                "pathParams": { "type": "object", "additionalProperties": { "type": "string" } },
                "headers": true, "query": true, "json": true, "raw": true, "form": true, "contentType": true
              }
            },
            "request": {
              "description": "A request with its own method and path (a path starting with / is relative to baseURL; an absolute URL is used as it is).",
              "allOf": [{ "$ref": "#/definitions/requestFields" }],
              "type": "object",
              "required": ["method", "path"],
              "additionalProperties": false,
              "properties": {
                "method": { "$ref": "#/definitions/method" },
                "path": { "type": "string", "minLength": 1 },
                "headers": true, "query": true, "json": true, "raw": true, "form": true, "contentType": true
              }
            },
            "step": {
              "type": "object",
              "required": ["id", "request"],
              "additionalProperties": false,
              "properties": {
                "id": { "$ref": "#/definitions/stepID" },
                "description": { "type": "string" },
                "request": { "$ref": "#/definitions/request" },
                "expect": { "$ref": "#/definitions/expect" },
                "until": {
                  "description": "Makes the step a wait: the request is sent again until this holds or timeoutSeconds (default 10) pass; then expect applies.",
                  "$ref": "#/definitions/until"
                },
                "timeoutSeconds": { "type": "number", "exclusiveMinimum": 0, "maximum": 600 },
                "intervalMilliseconds": { "type": "integer", "minimum": 10, "maximum": 60000 }
              }
            },
            "until": {
              "type": "object",
              "required": ["pointer", "equals"],
              "additionalProperties": false,
              "properties": {
                "pointer": { "description": "A JSON Pointer into the response body, e.g. /status.", "type": "string", "pattern": "^(/.*)?$" },
                "equals": { "description": "The value to wait for (placeholders allowed in strings)." },
                "status": { "type": "integer", "minimum": 100, "maximum": 599 }
              }
            },
            "stepID": { "type": "string", "pattern": "^[A-Za-z0-9_-]+$" },
            "headerRule": {
              "description": "A string is an exact value; otherwise exactly one of equals, regex (a match anywhere; anchor it with ^ and $) or present (false: the field must be absent). Names are case-insensitive.",
              "type": ["string", "object"],
              "minProperties": 1,
              "maxProperties": 1,
              "additionalProperties": false,
              "properties": {
                "equals": { "type": "string" },
                "regex": { "type": "string" },
                "present": { "type": "boolean" }
              }
            },
            "statusCode": { "type": "integer", "minimum": 100, "maximum": 599 },
            "expect": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "status": {
                  "description": "The status a conforming response has; an array lists every status that conforms, the usual one first (for a choice the seed leaves open, such as 200 or 202 for work accepted to run in the background).",
                  "type": ["integer", "array"], "minimum": 100, "maximum": 599,
                  "items": { "$ref": "#/definitions/statusCode" }, "minItems": 1, "uniqueItems": true
                },
                "headers": { "type": "object", "additionalProperties": { "$ref": "#/definitions/headerRule" } },
                "schema": {
                  "description": "A JSON Schema (draft-07) the body must satisfy (the body must be JSON). $ref may name a shared schema relative to the Contracts folder, e.g. schemas/error-plain.json.",
                  "type": ["object", "boolean"]
                },
                "bodySubset": {
                  "description": "JSON the body must contain: objects by key (recursively), arrays element by element with the same length, scalars equal."
                }
              }
            }
          }
        }
        """#
}
