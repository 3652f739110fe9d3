// The JSON Schema of recording files, kept identical to Recordings/recording.schema.json (a test compares them).

extension RecordingSchema {
    /// The schema text.
    static let text = #"""
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "$id": "https://switchboard.local/schemas/recording.schema.json",
      "title": "Switchboard mock upstream recording file",
      "description": "One file holds the recordings of one provider: request matchers and the responses replayed for them.",
      "type": "object",
      "required": ["provider", "recordings"],
      "additionalProperties": false,
      "properties": {
        "$schema": {"type": "string"},
        "description": {"type": "string"},
        "provider": {"enum": ["elevenlabs", "heygen", "openai", "huggingface", "stripe", "slack", "discord"]},
        "recordings": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/recording"}}
      },
      "definitions": {
        "recording": {
          "type": "object",
          "required": ["id", "operation", "request", "response"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"},
            "description": {"type": "string"},
            "operation": {"$ref": "#/definitions/operation"},
            "source": {"type": "string", "description": "Provenance: where the response shape and values come from."},
            "priority": {"type": "integer", "description": "Higher wins before specificity is compared. Default 0."},
            "servesFault": {
              "type": "boolean",
              "description": "Never matched on its own: served when a status=NNN fault with this status hits a request it matches."
            },
            "request": {"$ref": "#/definitions/request"},
            "scenario": {"$ref": "#/definitions/scenario"},
            "response": {"$ref": "#/definitions/response"}
          }
        },
        "operation": {
          "type": "object",
          "required": ["spec", "id"],
          "additionalProperties": false,
          "properties": {
            "spec": {"type": "string", "description": "The spec file (under upstreams/) or docs page the response conforms to."},
            "id": {"type": "string", "description": "The operationId, or 'METHOD /path' when the spec has none, or '*' for every operation."},
            "schema": {"type": "string", "description": "The named response schema, when the spec names one."}
          }
        },
        "request": {
          "type": "object",
          "required": ["method", "path"],
          "additionalProperties": false,
          "properties": {
            "method": {"type": "string", "pattern": "^([A-Z]+|\\*)$"},
            "path": {"type": "string", "pattern": "^/", "description": "A template: {name} is one segment, {name...} one or more."},
            "pathParams": {"$ref": "#/definitions/matcherMap"},
            "query": {"$ref": "#/definitions/matcherMap"},
            "headers": {"$ref": "#/definitions/matcherMap"},
            "body": {"$ref": "#/definitions/bodyMatcher"}
          }
        },
        "matcherMap": {
          "type": "object",
          "additionalProperties": {"$ref": "#/definitions/matcher"}
        },
        "matcher": {
          "description": "A string, number, boolean or null is shorthand for equals; an object combines checks, all of which must hold.",
          "anyOf": [
            {"type": ["string", "number", "boolean", "null"]},
            {
              "type": "object",
              "minProperties": 1,
              "additionalProperties": false,
              "properties": {
                "equals": {},
                "subset": {},
                "regex": {"type": "string"},
                "contains": {},
                "present": {"type": "boolean"},
                "not": {"$ref": "#/definitions/matcher"},
                "anyOf": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/matcher"}}
              }
            }
          ]
        },
        "bodyMatcher": {
          "type": "object",
          "minProperties": 1,
          "additionalProperties": false,
          "properties": {
            "equals": {"description": "The body parses as JSON equal to this value."},
            "subset": {"description": "The body parses as JSON containing this value (objects: these members; arrays: each element matches some element)."},
            "pointers": {"$ref": "#/definitions/matcherMap", "description": "JSON Pointer (RFC 6901) → matcher."},
            "form": {"$ref": "#/definitions/matcherMap", "description": "application/x-www-form-urlencoded field → matcher."},
            "fields": {"$ref": "#/definitions/matcherMap", "description": "A form field or a top-level JSON member → matcher."},
            "text": {"$ref": "#/definitions/matcher", "description": "The raw body as UTF-8 text."}
          }
        },
        "scenario": {
          "type": "object",
          "required": ["name"],
          "additionalProperties": false,
          "properties": {
            "name": {"type": "string", "minLength": 1},
            "state": {"type": "string", "minLength": 1, "description": "Matches only while the scenario is in this state (every scenario starts in 'started')."},
            "nextState": {"type": "string", "minLength": 1, "description": "The state the scenario moves to when this recording is served."}
          },
          "anyOf": [{"required": ["state"]}, {"required": ["nextState"]}]
        },
        "response": {
          "type": "object",
          "required": ["status"],
          "additionalProperties": false,
          "properties": {
            "status": {"type": "integer", "minimum": 100, "maximum": 599},
            "headers": {"type": "object", "additionalProperties": {"type": "string"}},
            "template": {"type": "boolean", "description": "Replace {{path.x}}, {{query.x}}, {{header.x}}, {{json./ptr}}, {{form.x}}, {{field.x}} (with |default) in the body."},
            "json": {},
            "text": {"type": "string"},
            "base64": {"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$"},
            "chunks": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/chunk"}},
            "generate": {"$ref": "#/definitions/generate"}
          },
          "not": {
            "anyOf": [
              {"required": ["json", "text"]}, {"required": ["json", "base64"]}, {"required": ["json", "chunks"]},
              {"required": ["json", "generate"]}, {"required": ["text", "base64"]}, {"required": ["text", "chunks"]},
              {"required": ["text", "generate"]}, {"required": ["base64", "chunks"]}, {"required": ["base64", "generate"]},
              {"required": ["chunks", "generate"]}
            ]
          }
        },
        "chunk": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "delayMs": {"type": "number", "minimum": 0, "description": "Wait before this chunk, scaled by the speed factor."},
            "text": {"type": "string"},
            "base64": {"type": "string", "pattern": "^[A-Za-z0-9+/]*={0,2}$"},
            "sse": {"description": "A server-sent event: a JSON value or a string sent as 'data: …' followed by a blank line."},
            "event": {"type": "string", "description": "With sse: the event name line."}
          },
          "oneOf": [{"required": ["text"]}, {"required": ["base64"]}, {"required": ["sse"]}]
        },
        "generate": {
          "type": "object",
          "required": ["bytes", "pattern"],
          "additionalProperties": false,
          "properties": {
            "bytes": {"type": "integer", "minimum": 0},
            "pattern": {"type": "string", "minLength": 1, "description": "Text repeated until the body has 'bytes' bytes."},
            "chunkSize": {"type": "integer", "minimum": 1, "maximum": 16777216}
          }
        }
      }
    }
    """#
}
