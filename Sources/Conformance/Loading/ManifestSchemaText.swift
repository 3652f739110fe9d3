extension BundledSchemas {
    /// `Contracts/endpoints.schema.json`, compiled in so any folder of contracts is checked against it (a test keeps the file equal).
    static let manifest = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "https://switchboard.local/contracts/endpoints.schema.json",
          "title": "Switchboard endpoint manifest",
          "description": "Contracts/endpoints.json: every documented endpoint, each with a unique id and a unique method and path.",
          "type": "object",
          "required": [
            "endpoints"
          ],
          "additionalProperties": false,
          "properties": {
            "$schema": {
              "type": "string"
            },
            "description": {
              "type": "string"
            },
            "endpoints": {
              "type": "array",
              "minItems": 1,
              "items": {
                "$ref": "#/definitions/endpoint"
              }
            }
          },
          "definitions": {
            "endpoint": {
              "type": "object",
              "required": [
                "id",
                "method",
                "path",
                "seed",
                "section",
                "surface",
                "statuses"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "description": "<seed>.<slug>, used by --only.",
                  "type": "string",
                  "pattern": "^[A-Za-z0-9._-]+$"
                },
                "method": {
                  "$ref": "https://switchboard.local/contracts/contract.schema.json#/definitions/method"
                },
                "path": {
                  "description": "Path template with {param} segments.",
                  "type": "string",
                  "pattern": "^/"
                },
                "seed": {
                  "type": "string",
                  "pattern": "^(00[0-4]|switchboard)$"
                },
                "section": {
                  "type": "string",
                  "minLength": 1
                },
                "surface": {
                  "description": "The surface name contracts and reports group by.",
                  "type": "string",
                  "pattern": "^[a-z0-9-]+$"
                },
                "statuses": {
                  "description": "The status codes the seed documents for the endpoint.",
                  "type": "array",
                  "items": {
                    "type": "integer",
                    "minimum": 100,
                    "maximum": 599
                  },
                  "uniqueItems": true
                },
                "notes": {
                  "description": "Where the statuses come from when the seed does not state them next to the endpoint.",
                  "type": "string"
                }
              }
            }
          }
        }
        """#
}
