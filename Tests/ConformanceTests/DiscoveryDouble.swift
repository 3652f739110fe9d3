import HTTPCore
import JSONSchema

@testable import Conformance

/// A tiny implementation of `/healthz` and seed 000's discovery, right by default, with mistakes on demand —
/// the kind a team makes when it implements the seed by hand.
struct DiscoveryDouble: Sendable {
    /// A deliberate mistake.
    enum Mistake: String, Sendable, CaseIterable {
        /// A request without credentials gets 200 (auth not enforced).
        case noAuthCheck
        /// Service details leave out `credential_policy`.
        case missingField
        /// Unknown services answer `{"message": …}` instead of seed 000's `{"error": …}`.
        case wrongErrorShape
        /// The list answers 201 instead of 200.
        case wrongSuccessStatus
    }

    static let apiKey = "sk_test_0123456789abcdef"
    static let otherKey = "sk_other_0123456789abcdef"
    static let profileVariables = ["org": "demo", "apiKey": apiKey, "token": apiKey, "otherApiKey": otherKey]

    var mistake: Mistake?

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        if request.path == "/healthz" { return .body(["status": "ok"]) }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // "", "api", "ai-proxy", "orgs", org, "services", service?, ""
        guard parts.count >= 7, parts[1] == "api", parts[2] == "ai-proxy", parts[3] == "orgs", parts[5] == "services"
        else {
            return .body(["error": "no route"], status: .notFound)
        }
        let authorization = request.headers["Authorization"] ?? ""
        let key = ["Api-Key ", "Token "].compactMap {
            authorization.hasPrefix($0) ? String(authorization.dropFirst($0.count)) : nil
        }.first
        if mistake != .noAuthCheck {
            guard let key, [Self.apiKey, Self.otherKey].contains(key) else {
                return .body(
                    ["error": "Authentication credentials were not provided or are invalid"], status: .unauthorized)
            }
            if key == Self.otherKey || parts[4] != "demo" {
                return .body(["error": "Organization not found"], status: .notFound)
            }
        }
        let service = parts[6]
        if service.isEmpty {
            return .body(.array(Self.services.map(\.summary)), status: mistake == .wrongSuccessStatus ? .created : .ok)
        }
        guard let match = Self.services.first(where: { $0.slug == service }) else {
            let message = JSONValue.string("Service '\(service)' not found")
            return .body(mistake == .wrongErrorShape ? ["message": message] : ["error": message], status: .notFound)
        }
        var detail = match.detail
        if mistake == .missingField, case .object(var members) = detail {
            _ = members.removeValue(forKey: "credential_policy")
            detail = .object(members)
        }
        return .body(detail)
    }

    struct Service {
        let slug: String, name: String, type: String, async: Bool, streaming: Bool,
            endpoints: [(String, String, String, String)]

        var summary: JSONValue {
            [
                "slug": .string(slug), "display_name": .string(name), "service_type": .string(type), "is_enabled": true,
                "supports_async_jobs": .bool(async), "supports_streaming": .bool(streaming),
                "credential_name": .string(slug),
                "endpoint_count": .number(endpoints.count),
            ]
        }

        var detail: JSONValue {
            [
                "slug": .string(slug), "display_name": .string(name),
                "base_url": .string("https://api.\(slug).example"),
                "service_type": .string(type), "auth_mode": "header", "is_enabled": true,
                "supports_async_jobs": .bool(async),
                "supports_streaming": .bool(streaming), "default_timeout_seconds": 60, "credential_name": .string(slug),
                "credential_policy": [
                    "allow_tenant_key": true, "allow_platform_key": true, "default_source": "tenant",
                    "fallback_to_platform_key": true,
                ],
                "credential_schema": ["key": "string"],
                "endpoints": .array(
                    endpoints.map { slug, path, method, mode in
                        [
                            "slug": .string(slug), "path_template": .string(path), "http_method": .string(method),
                            "request_mode": "json",
                            "response_mode": .string(mode), "supports_streaming": .bool(mode == "binary"),
                            "callback_mode": "none",
                            "is_enabled": true,
                        ]
                    }),
            ]
        }
    }

    static let services = [
        Service(
            slug: "elevenlabs", name: "ElevenLabs", type: "tts", async: false, streaming: true,
            endpoints: [
                ("list-voices", "/v1/voices", "GET", "json"), ("list-models", "/v1/models", "GET", "json"),
                ("tts", "/v1/text-to-speech/{voice_id}", "POST", "binary"),
            ]),
        Service(
            slug: "heygen", name: "HeyGen", type: "video", async: true, streaming: false,
            endpoints: [
                ("list-avatars", "/v2/avatars", "GET", "json"),
                ("generate-video", "/v2/video/generate", "POST", "json"),
            ]),
    ]
}
