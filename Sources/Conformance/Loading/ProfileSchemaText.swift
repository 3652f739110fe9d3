extension BundledSchemas {
    /// `Contracts/profile.schema.json`, compiled in so any folder of contracts is checked against it (a test keeps the file equal).
    static let profile = #"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "https://switchboard.local/contracts/profile.schema.json",
          "title": "Switchboard verify profile",
          "description": "What differs between implementations of the documented APIs: where they listen and the keys, ids and tokens they were provisioned with. Contracts and scenarios read variables as {{name}}. 'switchboard serve --profile-out FILE' writes one for Switchboard itself; 'switchboard verify --profile FILE' reads it.",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "$schema": {
              "type": "string"
            },
            "baseURL": {
              "description": "The implementation under test, e.g. http://127.0.0.1:8080 ({{baseURL}}); 'verify --base-url' overrides it.",
              "type": "string",
              "pattern": "^https?://[^/]+(/.*)?$"
            },
            "mockBaseURL": {
              "description": "The mock upstream the implementation calls, e.g. http://127.0.0.1:9000 ({{mockBaseURL}}); scenarios that read its journal are skipped without it.",
              "type": "string",
              "pattern": "^https?://[^/]+(/.*)?$"
            },
            "variables": {
              "description": "Values for {{name}} placeholders. The names below are the ones the repository's contracts use; others are allowed.",
              "type": "object",
              "properties": {
                "org": {
                  "description": "Organization slug, seed 000's {org} (e.g. demo).",
                  "type": "string",
                  "minLength": 1
                },
                "orgId": {
                  "description": "Organization id, seed 004's :orgId; also X-Org-Id for seed 001.",
                  "type": "string",
                  "minLength": 1
                },
                "projectId": {
                  "description": "Project id (UUID): seed 003's x-project-id and seed 004's :projectId.",
                  "type": "string",
                  "minLength": 1
                },
                "agentId": {
                  "description": "An agent in projectId with the api_caller tool configured (seed 004's :agentId).",
                  "type": "string",
                  "minLength": 1
                },
                "apiKey": {
                  "description": "Seed 000 key, sent as Authorization: Api-Key <apiKey>.",
                  "type": "string",
                  "minLength": 1
                },
                "token": {
                  "description": "Seed 000 token, sent as Authorization: Token <token>.",
                  "type": "string",
                  "minLength": 1
                },
                "integrationsToken": {
                  "description": "Seed 001 credential: Authorization: Bearer <integrationsToken>, X-API-Key or cookie token.",
                  "type": "string",
                  "minLength": 1
                },
                "automationKey": {
                  "description": "Seed 002 key (sk_...), sent as Authorization: Bearer <automationKey>.",
                  "type": "string",
                  "minLength": 1
                },
                "callablesApiKey": {
                  "description": "Seed 003 key in the form apiKey.<id>.<key>, sent as x-api-key.",
                  "type": "string",
                  "minLength": 1
                },
                "jwtViewer": {
                  "description": "A JWT for a member with role viewer (seeds 003 and 004: Authorization: Bearer <JWT>).",
                  "type": "string",
                  "minLength": 1
                },
                "jwtMember": {
                  "description": "A JWT for a member with role member.",
                  "type": "string",
                  "minLength": 1
                },
                "jwtAdmin": {
                  "description": "A JWT for a member with role admin.",
                  "type": "string",
                  "minLength": 1
                },
                "adminToken": {
                  "description": "Operator token for Switchboard's /admin API: Authorization: Bearer <adminToken>.",
                  "type": "string",
                  "minLength": 1
                },
                "otherOrg": {
                  "description": "Slug of a second organization, for tenancy isolation cases.",
                  "type": "string",
                  "minLength": 1
                },
                "otherOrgId": {
                  "description": "Id of the second organization.",
                  "type": "string",
                  "minLength": 1
                },
                "otherApiKey": {
                  "description": "A seed 000 key of the second organization.",
                  "type": "string",
                  "minLength": 1
                },
                "otherAutomationKey": {
                  "description": "A seed 002 key of the second organization.",
                  "type": "string",
                  "minLength": 1
                },
                "otherJwtAdmin": {
                  "description": "A JWT for an admin of the second organization.",
                  "type": "string",
                  "minLength": 1
                }
              },
              "additionalProperties": {
                "type": "string"
              },
              "propertyNames": {
                "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"
              }
            }
          }
        }
        """#
}
